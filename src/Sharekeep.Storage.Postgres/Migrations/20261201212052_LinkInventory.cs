using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Postgres.Migrations
{
    /// <summary>
    /// The inventory's indexes (sort value, then key, on both link tables), and a notice of a file link's old key
    /// when a rotate replaces it: the row's notice names the new key only (see <see cref="ChangeNotices"/>), and
    /// every instance must forget the old one at once.
    /// </summary>
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

            migrationBuilder.Sql("""
                CREATE FUNCTION sharekeep_announce_old_key() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('sharekeep_changes', TG_ARGV[0] || ':' || (to_jsonb(OLD) ->> TG_ARGV[1]));
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "FileLinks_announce_old_key"
                AFTER UPDATE OF "Key" ON "FileLinks"
                FOR EACH ROW WHEN (OLD."Key" IS DISTINCT FROM NEW."Key")
                EXECUTE FUNCTION sharekeep_announce_old_key('filelink', 'Key');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "FileLinks_announce_old_key" ON "FileLinks";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS sharekeep_announce_old_key();");

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
