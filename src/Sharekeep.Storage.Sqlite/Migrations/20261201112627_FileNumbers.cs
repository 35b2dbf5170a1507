using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FileNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Files",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Counters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Name);
                });

            // Files that exist get numbers in the order they were uploaded; the counter goes on from the last.
            migrationBuilder.Sql("""
                UPDATE "Files" SET "Number" = "n"."Number"
                FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Created", "Id") AS "Number" FROM "Files") AS "n"
                WHERE "Files"."Id" = "n"."Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Counters" ("Name", "Value") SELECT 'FileNumber', COALESCE(MAX("Number"), 0) FROM "Files";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Files_Number",
                table: "Files",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropIndex(
                name: "IX_Files_Number",
                table: "Files");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Files");
        }
    }
}
