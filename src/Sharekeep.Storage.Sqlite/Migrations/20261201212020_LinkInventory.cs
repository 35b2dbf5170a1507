using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Sqlite.Migrations
{
    /// <summary>The inventory's indexes: sort value, then key, on both link tables.</summary>
    public partial class LinkInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Shares_Created_Id",
                table: "Shares",
                columns: new[] { "Created", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_Expires_Id",
                table: "Shares",
                columns: new[] { "Expires", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FileLinks_Created_Key",
                table: "FileLinks",
                columns: new[] { "Created", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_FileLinks_Expires_Key",
                table: "FileLinks",
                columns: new[] { "Expires", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shares_Created_Id",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_Shares_Expires_Id",
                table: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_FileLinks_Created_Key",
                table: "FileLinks");

            migrationBuilder.DropIndex(
                name: "IX_FileLinks_Expires_Key",
                table: "FileLinks");
        }
    }
}
