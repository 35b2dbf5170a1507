namespace Sharekeep.Server.Admin;

/// <summary>
/// What the console says after an action. Redirects carry a code, never text, so that nothing a link carries is
/// reflected into the page.
/// </summary>
internal static class AdminNotices
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["policy-saved"] = "The switch is set.",
        ["policy-unchanged"] = "The switch was already set that way; nothing changed.",
        ["share-created"] = "The share link is ready: it is at the top of the list.",
        ["share-revoked"] = "The link is revoked; its address opens nothing any more.",
        ["link-created"] = "The file link is ready: it is at the top of the list.",
        ["file-uploaded"] = "The file is uploaded; make a link to it below.",
        ["signed-out"] = "You are signed out.",
        ["sharing-disabled"] = "Sharing of reports and dashboards is switched off: switch it on to make share links.",
        ["external-disabled"] = "External sharing of files is switched off: switch it on to make file links.",
        ["not-found"] = "That item no longer exists.",
        ["already-revoked"] = "That link was already revoked.",
        ["invalid"] = "That form was not filled in correctly.",
        ["too-large"] = "The file is larger than this server accepts.",
        ["no-file"] = "Choose a file to upload.",
        ["stale-form"] = "The form had expired; try again.",
    };

    public static string? Message(string? code) => code is not null && Messages.TryGetValue(code, out var message) ? message : null;
}
