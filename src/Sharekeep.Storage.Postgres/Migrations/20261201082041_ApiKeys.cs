using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Actor",
                table: "PolicyAudit",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Created = table.Column<long>(type: "bigint", nullable: false),
                    Expires = table.Column<long>(type: "bigint", nullable: true),
                    Revoked = table.Column<long>(type: "bigint", nullable: true),
                    LastUsed = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Created",
                table: "ApiKeys",
                column: "Created");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyDigest",
                table: "ApiKeys",
                column: "KeyDigest",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "Actor",
                table: "PolicyAudit");
        }
    }
}
