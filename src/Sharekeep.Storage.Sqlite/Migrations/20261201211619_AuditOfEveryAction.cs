using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditOfEveryAction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Action",
                table: "PolicyAudit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "PolicyAudit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Records",
                table: "PolicyAudit",
                type: "TEXT",
                nullable: true);

            Sharekeep.Storage.Migrations.AuditActionBackfill.Up(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAudit_Action_Id",
                table: "PolicyAudit",
                columns: new[] { "Action", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAudit_Actor_Id",
                table: "PolicyAudit",
                columns: new[] { "Actor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAudit_At",
                table: "PolicyAudit",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PolicyAudit_Action_Id",
                table: "PolicyAudit");

            migrationBuilder.DropIndex(
                name: "IX_PolicyAudit_Actor_Id",
                table: "PolicyAudit");

            migrationBuilder.DropIndex(
                name: "IX_PolicyAudit_At",
                table: "PolicyAudit");

            migrationBuilder.DropColumn(
                name: "Action",
                table: "PolicyAudit");

            migrationBuilder.DropColumn(
                name: "Details",
                table: "PolicyAudit");

            migrationBuilder.DropColumn(
                name: "Records",
                table: "PolicyAudit");
        }
    }
}
