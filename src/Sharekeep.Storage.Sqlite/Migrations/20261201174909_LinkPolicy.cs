using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Sqlite.Migrations
{
    /// <summary>The link policy (one row) and the expiry of report and dashboard shares.</summary>
    public partial class LinkPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Expires",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NewPolicy",
                table: "PolicyAudit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldPolicy",
                table: "PolicyAudit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LinkPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    FileDefaultLifetimeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    FileMaxLifetimeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    FileRequirePassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    FileMinPasswordLength = table.Column<int>(type: "INTEGER", nullable: true),
                    FileDenyDownloadByDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShareDefaultLifetimeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ShareMaxLifetimeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Modified = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkPolicies", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
