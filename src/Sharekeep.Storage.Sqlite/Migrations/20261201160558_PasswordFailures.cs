using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Sqlite.Migrations
{
    /// <summary>Wrong link passwords, counted per link, per client network and per both.</summary>
    public partial class PasswordFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PasswordFailures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Network = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkForgiven = table.Column<bool>(type: "INTEGER", nullable: false),
                    NetworkForgiven = table.Column<bool>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PasswordFailures");
        }
    }
}
