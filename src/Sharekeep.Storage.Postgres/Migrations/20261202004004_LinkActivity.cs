using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LinkActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivitySalts",
                columns: table => new
                {
                    Day = table.Column<long>(type: "bigint", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySalts", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "LinkActivity",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LinkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<long>(type: "bigint", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false),
                    Downloads = table.Column<long>(type: "bigint", nullable: false),
                    Previews = table.Column<long>(type: "bigint", nullable: false),
                    PasswordFailures = table.Column<long>(type: "bigint", nullable: false),
                    Lockouts = table.Column<long>(type: "bigint", nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: false),
                    FirstAccess = table.Column<long>(type: "bigint", nullable: true),
                    LastAccess = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkActivity", x => new { x.Kind, x.LinkId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "LinkVisitors",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LinkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkVisitors", x => new { x.Kind, x.LinkId, x.Day, x.Hash });
                });

            migrationBuilder.CreateIndex(
                name: "IX_LinkActivity_Day",
                table: "LinkActivity",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_LinkVisitors_Day",
                table: "LinkVisitors",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivitySalts");

            migrationBuilder.DropTable(
                name: "LinkActivity");

            migrationBuilder.DropTable(
                name: "LinkVisitors");
        }
    }
}
