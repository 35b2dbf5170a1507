using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LinkFirstUsesAndActivityWriters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActivityWriters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityWriters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkFirstUses",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LinkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkFirstUses", x => new { x.Kind, x.LinkId });
                });

            // Links used before this table existed: their first use is the earliest one still kept, the best known.
            migrationBuilder.Sql("""
                INSERT INTO "LinkFirstUses" ("Kind", "LinkId", "At")
                SELECT "Kind", "LinkId", MIN("FirstAccess") FROM "LinkActivity"
                WHERE "FirstAccess" IS NOT NULL AND "Views" + "Downloads" > 0
                GROUP BY "Kind", "LinkId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityWriters");

            migrationBuilder.DropTable(
                name: "LinkFirstUses");
        }
    }
}
