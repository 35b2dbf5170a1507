using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Postgres.Migrations
{
    /// <summary>
    /// Wrong link passwords, counted by every instance. Each one recorded, forgiven or deleted is announced like a
    /// cached record's change (see <see cref="ChangeNotices"/>), once for its link and once for its network, so
    /// that no instance keeps counting from a list that has changed.
    /// </summary>
    public partial class PasswordFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PasswordFailures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Network = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    LinkForgiven = table.Column<bool>(type: "boolean", nullable: false),
                    NetworkForgiven = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordFailures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordFailures_At",
                table: "PasswordFailures",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordFailures_LinkId_At",
                table: "PasswordFailures",
                columns: new[] { "LinkId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordFailures_Network_At",
                table: "PasswordFailures",
                columns: new[] { "Network", "At" });

            migrationBuilder.Sql("""
                CREATE TRIGGER "PasswordFailures_announce_link"
                AFTER INSERT OR UPDATE OR DELETE ON "PasswordFailures"
                FOR EACH ROW EXECUTE FUNCTION sharekeep_announce_change('passwordlink', 'LinkId');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PasswordFailures_announce_network"
                AFTER INSERT OR UPDATE OR DELETE ON "PasswordFailures"
                FOR EACH ROW EXECUTE FUNCTION sharekeep_announce_change('passwordnet', 'Network');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropping the table drops its triggers.
            migrationBuilder.DropTable(
                name: "PasswordFailures");
        }
    }
}
