using System.Text.Json;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Policy;

namespace Sharekeep.Server.Admin;

/// <summary>An audit entry in words, for the console's audit list; the API answers the entry itself.</summary>
internal static class AdminAuditText
{
    public static string Describe(AuditEntry entry, AdminOverview overview)
    {
        var records = entry.Records;
        string First() => records.Count > 0 ? records[0] : "?";
        return entry.Action switch
        {
            _ when entry.Change is { } change => $"{SettingName(change.Setting)} switched {(change.NewValue ? "on" : "off")}",
            AuditActions.LinkPolicySet => "Link policy changed",
            AuditActions.ReportCreated => $"Report “{Detail(entry, "name")}” created",
            AuditActions.ReportDeleted => $"Report {First()} deleted",
            AuditActions.DashboardCreated => $"Dashboard “{Detail(entry, "name")}” created",
            AuditActions.DashboardDeleted => $"Dashboard {First()} deleted",
            AuditActions.ShareCreated => $"{Detail(entry, "kind")} “{(records.Count > 1 && Guid.TryParse(records[1], out var resource) ? overview.ResourceName(resource) : "?")}” shared",
            AuditActions.ShareRevoked => "A share revoked",
            AuditActions.FileUploaded => $"File “{Detail(entry, "name")}” uploaded",
            AuditActions.FileDeleted => $"File {First()} deleted",
            AuditActions.FileLinkCreated => $"File link “{Detail(entry, "title")}” created",
            AuditActions.FileLinkUpdated => $"File link “{Detail(entry, "title")}” changed",
            AuditActions.FileLinkRevoked => $"File link “{Detail(entry, "title")}” revoked",
            AuditActions.ApiKeyCreated => $"API key “{Detail(entry, "name")}” made",
            AuditActions.ApiKeyRevoked => $"API key {First()} revoked",
            AuditActions.LinkUnlocked => $"Locked link {First()} unlocked",
            AuditActions.NetworkUnlocked => $"Network {First()} unlocked",
            AuditActions.ConsoleSignedIn => "Signed in to the console",
            AuditActions.ConsoleSignedOut => "Signed out of the console",
            AuditActions.ConsoleSessionEnded => $"Console session {First()} ended",
            AuditActions.WebhookCreated => $"Webhook to {Detail(entry, "url")} registered",
            AuditActions.WebhookUpdated => $"Webhook to {Detail(entry, "url")} changed",
            AuditActions.WebhookDeleted => $"Webhook {First()} deleted",
            AuditActions.WebhookReplayed => $"Webhook message {(records.Count > 1 ? records[1] : "?")} replayed",
            AuditActions.LinksBulk => $"Bulk {Detail(entry, "action")} of {Detail(entry, "count")} links",
            _ => string.Join(' ', [entry.Action, .. records]),
        };
    }

    public static string SettingName(PolicySetting setting) => setting switch
    {
        PolicySetting.Sharing => "Sharing of reports and dashboards",
        PolicySetting.ExternalSharing => "External file links",
        PolicySetting.SocialMedia => "Social media previews",
        _ => setting.ToString(),
    };

    private static string Detail(AuditEntry entry, string name) =>
        entry.Details is { ValueKind: JsonValueKind.Object } details && details.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()
            : "?";
}
