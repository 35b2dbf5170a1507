using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Postgres.Migrations
{
    /// <summary>
    /// The link policy (one row) and the expiry of report and dashboard shares. A change of the policy is announced
    /// like a cached record's (see <see cref="ChangeNotices"/>), so every instance applies the new rules at once.
    /// </summary>
    public partial class LinkPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Expires",
                table: "Shares",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NewPolicy",
                table: "PolicyAudit",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldPolicy",
                table: "PolicyAudit",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LinkPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    FileDefaultLifetimeDays = table.Column<int>(type: "integer", nullable: true),
                    FileMaxLifetimeDays = table.Column<int>(type: "integer", nullable: true),
                    FileRequirePassword = table.Column<bool>(type: "boolean", nullable: false),
                    FileMinPasswordLength = table.Column<int>(type: "integer", nullable: true),
                    FileDenyDownloadByDefault = table.Column<bool>(type: "boolean", nullable: false),
                    ShareDefaultLifetimeDays = table.Column<int>(type: "integer", nullable: true),
                    ShareMaxLifetimeDays = table.Column<int>(type: "integer", nullable: true),
                    Modified = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkPolicies", x => x.Id);
                });

            migrationBuilder.Sql("""
                CREATE TRIGGER "LinkPolicies_announce_change"
                AFTER INSERT OR UPDATE OR DELETE ON "LinkPolicies"
                FOR EACH ROW EXECUTE FUNCTION sharekeep_announce_change('linkpolicy', 'Id');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "LinkPolicies_announce_change" ON "LinkPolicies";""");

            migrationBuilder.DropTable(
                name: "LinkPolicies");

            migrationBuilder.DropColumn(
                name: "Expires",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "NewPolicy",
                table: "PolicyAudit");

            migrationBuilder.DropColumn(
                name: "OldPolicy",
                table: "PolicyAudit");
        }
    }
}
