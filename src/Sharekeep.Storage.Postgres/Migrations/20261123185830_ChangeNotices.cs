using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sharekeep.Storage.Postgres.Migrations
{
    /// <summary>
    /// Every committed change to a record that instances cache is announced on "sharekeep_changes" as
    /// "area:key". The notice is sent by the writing transaction itself and delivered only if it commits, so no
    /// write path (the API, a cascade, an administrator's SQL) can change a record without telling the instances.
    /// </summary>
    public partial class ChangeNotices : Migration
    {
        private static readonly (string Table, string Area, string KeyColumn)[] Announced =
        [
            ("PolicySettings", "policy", "Name"),
            ("Shares", "share", "Id"),
            ("Reports", "report", "Id"),
            ("Dashboards", "dashboard", "Id"),
            ("DashboardReports", "dashboard", "DashboardId"),
            ("Files", "file", "Id"),
            ("FileLinks", "filelink", "Key"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION sharekeep_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    changed jsonb;
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        changed := to_jsonb(OLD);
                    ELSE
                        changed := to_jsonb(NEW);
                    END IF;
                    PERFORM pg_notify('sharekeep_changes', TG_ARGV[0] || ':' || (changed ->> TG_ARGV[1]));
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var (table, area, keyColumn) in Announced)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_announce_change"
                    AFTER INSERT OR UPDATE OR DELETE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION sharekeep_announce_change('{area}', '{keyColumn}');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _) in Announced)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_announce_change" ON "{table}";""");
            }
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS sharekeep_announce_change();");
        }
    }
}
