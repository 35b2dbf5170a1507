using Microsoft.EntityFrameworkCore.Migrations;

namespace Sharekeep.Storage.Migrations;

/// <summary>
/// Names the action of the audit rows written before actions had names (the switches' and the link policy's), so
/// that a filter on the action finds them by the column's index. Both providers' migration "AuditOfEveryAction"
/// run it; the SQL is the same on both.
/// </summary>
public static class AuditActionBackfill
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (setting, action) in new[]
        {
            ("Sharing", "sharing.switched"),
            ("ExternalSharing", "externalSharing.switched"),
            ("SocialMedia", "socialMedia.switched"),
            ("LinkPolicy", "linkPolicy.set"),
        })
        {
            migrationBuilder.Sql($"UPDATE \"PolicyAudit\" SET \"Action\" = '{action}' WHERE \"Action\" IS NULL AND \"Setting\" = '{setting}';");
        }
    }
}
