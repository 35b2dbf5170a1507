using Sharekeep.Core.Policy;

namespace Sharekeep.Core.Audit;

/// <summary>
/// What an audit entry says was done: a dotted name, "<c>subject.verb</c>", so that a filter on "share." finds
/// every share action. Listed in docs/decisions/0026-audit-of-every-admin-action.md and the README; a name,
/// once written, is never changed (old entries keep it).
/// </summary>
public static class AuditActions
{
    public const string LinkPolicySet = "linkPolicy.set";
    public const string ReportCreated = "report.created";
    public const string ReportDeleted = "report.deleted";
    public const string DashboardCreated = "dashboard.created";
    public const string DashboardDeleted = "dashboard.deleted";
    public const string ShareCreated = "share.created";
    public const string ShareRevoked = "share.revoked";
    public const string FileUploaded = "file.uploaded";
    public const string FileDeleted = "file.deleted";
    public const string FileLinkCreated = "fileLink.created";
    public const string FileLinkUpdated = "fileLink.updated";
    public const string FileLinkRevoked = "fileLink.revoked";
    public const string ApiKeyCreated = "apiKey.created";
    public const string ApiKeyRevoked = "apiKey.revoked";
    public const string LinkUnlocked = "link.unlocked";
    public const string NetworkUnlocked = "network.unlocked";
    public const string ConsoleSignedIn = "console.signedIn";
    public const string ConsoleSignedOut = "console.signedOut";
    public const string ConsoleSessionEnded = "console.sessionEnded";
    public const string LinksBulk = "links.bulk";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookReplayed = "webhook.replayed";

    /// <summary>The longest name, and the longest filter on one.</summary>
    public const int MaxLength = 64;

    /// <summary>"sharing.switched", "externalSharing.switched", "socialMedia.switched".</summary>
    public static string Switched(PolicySetting setting) => SettingName(setting) + ".switched";

    /// <summary>The setting as the native API names it ("externalSharing").</summary>
    public static string SettingName(PolicySetting setting)
    {
        var name = setting.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// Whether <paramref name="filter"/> is an action name or a prefix of names ending in "."; letters and dots only,
    /// so that no filter carries a wildcard of the database's LIKE.
    /// </summary>
    public static bool IsFilter(string filter) =>
        filter.Length is > 0 and <= MaxLength
        && filter[0] != '.'
        && filter.All(c => char.IsAsciiLetter(c) || c == '.');
}
