using System.Text.Json;

namespace Sharekeep.Server.Admin;

/// <summary>What the console says after an action.</summary>
internal enum AdminNotice
{
    PolicySaved,
    PolicyUnchanged,
    ShareCreated,
    ShareRevoked,
    LinkCreated,
    FileUploaded,
    SignedOut,
    SharingDisabled,
    ExternalDisabled,
    NotFound,
    AlreadyRevoked,
    Invalid,
    TooLarge,
    NoFile,
    StaleForm,
    UnreadableForm,
    SessionEnded,
    KeyCreated,
    KeyRevoked,
    LinkUnlocked,
    NetworkUnlocked,
    LinkPolicySaved,
    LinkPolicyUnchanged,
    WebhookCreated,
    WebhookEnabled,
    WebhookDisabled,
    WebhookDeleted,
    WebhookReplayed,
}

/// <summary>
/// Redirects carry a notice's code ("policy-saved"), never its text, so that nothing a link carries is reflected
/// into the page: an unknown code shows nothing.
/// </summary>
internal static class AdminNotices
{
    private static readonly Dictionary<string, AdminNotice> ByCode =
        Enum.GetValues<AdminNotice>().ToDictionary(Code, StringComparer.Ordinal);

    public static string Code(AdminNotice notice) => JsonNamingPolicy.KebabCaseLower.ConvertName(notice.ToString());

    public static string? Message(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var notice) ? Message(notice) : null;

    public static string Message(AdminNotice notice) => notice switch
    {
        AdminNotice.PolicySaved => "The switch is set.",
        AdminNotice.PolicyUnchanged => "The switch was already set that way; nothing changed.",
        AdminNotice.ShareCreated => "The share link is ready: it is at the top of the list.",
        AdminNotice.ShareRevoked => "The link is revoked; its address opens nothing any more.",
        AdminNotice.LinkCreated => "The file link is ready: it is at the top of the list.",
        AdminNotice.FileUploaded => "The file is uploaded; make a link to it below.",
        AdminNotice.SignedOut => "You are signed out.",
        AdminNotice.SharingDisabled => "Sharing of reports and dashboards is switched off: switch it on to make share links.",
        AdminNotice.ExternalDisabled => "External sharing of files is switched off: switch it on to make file links.",
        AdminNotice.NotFound => "That item no longer exists.",
        AdminNotice.AlreadyRevoked => "That link was already revoked.",
        AdminNotice.Invalid => "That form was not filled in correctly.",
        AdminNotice.TooLarge => "The file is larger than this server accepts.",
        AdminNotice.NoFile => "Choose a file to upload.",
        AdminNotice.StaleForm => "The form had expired; try again.",
        AdminNotice.SessionEnded => "The session is ended: its browser is signed out.",
        AdminNotice.KeyCreated => "The API key is made. Copy it now: it is shown this once and never again.",
        AdminNotice.KeyRevoked => "The API key is revoked: it opens nothing any more, and console sessions opened with it are over.",
        AdminNotice.LinkUnlocked => "The link takes passwords again: its wrong ones are forgotten, on every instance.",
        AdminNotice.NetworkUnlocked => "The network's tries are checked again: its wrong passwords are forgotten for it, on every instance.",
        AdminNotice.LinkPolicySaved => "The link policy is saved: every new link obeys it, on every instance. Existing links are listed below if they break it.",
        AdminNotice.LinkPolicyUnchanged => "The link policy was already that; nothing changed.",
        AdminNotice.WebhookCreated => "The webhook is registered. Copy its signing secret now: it is shown this once and never again.",
        AdminNotice.WebhookEnabled => "The webhook is enabled: events from now on are sent to it.",
        AdminNotice.WebhookDisabled => "The webhook is disabled: no new event is sent to it until it is enabled again.",
        AdminNotice.WebhookDeleted => "The webhook is deleted, with its waiting messages and recorded deliveries.",
        AdminNotice.WebhookReplayed => "The message is sent again, with the same webhook-id, in a moment.",
        AdminNotice.UnreadableForm => "The form could not be read (too large, or not a form); nothing was changed.",
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, null),
    };
}
