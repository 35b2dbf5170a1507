using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Sessions;
using Sharekeep.Core.Webhooks;

namespace Sharekeep.Server.Admin;

/// <summary>Everything the console's one screen shows, read through the same services the APIs use.</summary>
public sealed record AdminOverview(
    SharingPolicy Policy,
    IReadOnlyDictionary<PolicySetting, PolicyChange> LastChanges,
    AdminLinkList Links,
    IReadOnlyList<Report> Reports,
    IReadOnlyList<Dashboard> Dashboards,
    IReadOnlyList<StoredFile> Files,
    IReadOnlyList<AuditEntry> Audit,
    string? Notice,
    IReadOnlyList<string> Errors,
    AdminForm Form,
    IReadOnlyList<ConsoleSession> Sessions,
    Guid? CurrentSession,
    IReadOnlyList<ApiKey> Keys,
    IReadOnlyList<LockedLink> LockedLinks,
    IReadOnlyList<LockedNetwork> LockedNetworks,
    DateTimeOffset Now,
    EffectiveLinkPolicy LinkPolicy,
    LinkViolations Violations)
{
    /// <summary>The key just made, shown on this one page and never again.</summary>
    public IssuedApiKey? IssuedKey { get; init; }

    /// <summary>The registered webhooks, oldest first, each with its newest attempt.</summary>
    public IReadOnlyList<AdminWebhookRow> Webhooks { get; init; } = [];

    /// <summary>The webhook just registered, with its signing secret: shown on this one page and never again.</summary>
    public RegisteredWebhook? IssuedWebhook { get; init; }

    /// <summary>A bulk action's dry run, waiting to be confirmed.</summary>
    public AdminBulkPreview? BulkPreview { get; init; }

    /// <summary>A report's or dashboard's name, for a share of it.</summary>
    public string ResourceName(Guid id) =>
        Reports.FirstOrDefault(r => r.Id == id)?.Name ?? Dashboards.FirstOrDefault(d => d.Id == id)?.Name ?? "(deleted)";

    /// <summary>Who an audit entry names, in words: the API secret, or an API key by its name.</summary>
    public string ActorName(string? actor)
    {
        if (actor is null)
        {
            return "unknown";
        }
        var (credential, session) = Actor.Parse(actor);
        var via = session is null ? " (API)" : " (console)";
        if (ApiKeyCredential.TryParse(credential, out var id))
        {
            var name = Keys.FirstOrDefault(k => k.Id == id)?.Name;
            return (name is null ? "an API key" : $"API key {name}") + via;
        }
        return (credential == Actor.BootstrapSecret ? "the API secret" : credential) + via;
    }
}

/// <summary>The antiforgery field every form of the page carries.</summary>
public sealed record AdminForm(string FieldName, string Token);

internal sealed class AdminOverviewReader(
    PolicyService policy,
    LinkPolicyService linkPolicy,
    ResourceService resources,
    FileService files,
    FileLinkService links,
    AdminLinkListReader linkList,
    ConsoleSessionService sessions,
    ApiKeyService keys,
    AuditLog audit,
    WebhookService webhooks,
    TimeProvider time)
{
    public const int FileRows = 200;
    public const int AuditRows = 25;
    public const int KeyRows = 100;
    public const int ViolationRows = 50;

    public async Task<AdminOverview> ReadAsync(
        HttpRequest request, AdminLinkFilter filter, string? cursor, string? notice, AdminForm form, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var current = await policy.GetAsync(cancellationToken);
        var recent = await audit.ListAsync(new AuditQuery(AuditRows), cancellationToken);
        // Each switch's last change, however many other actions came after it.
        var lastChanges = new Dictionary<PolicySetting, PolicyChange>();
        foreach (var setting in Enum.GetValues<PolicySetting>())
        {
            var last = await audit.ListAsync(new AuditQuery(1, Action: AuditActions.Switched(setting)), cancellationToken);
            if (last is [{ Change: { } change }])
            {
                lastChanges[setting] = change;
            }
        }
        var reports = await resources.ListReportsAsync(cancellationToken);
        var dashboards = await resources.ListDashboardsAsync(cancellationToken);
        var storedFiles = await files.ListAsync(FileRows, cancellationToken);

        var now = time.GetUtcNow();
        var linkPage = await linkList.ReadAsync(request, filter, cursor, cancellationToken);
        var open = await sessions.ListOpenAsync(cancellationToken);
        // Every active key (there are at most ApiKeyService.MaxActive), then the latest revoked ones.
        var active = await keys.ListAsync(includeRevoked: false, ApiKeyService.MaxActive, cancellationToken);
        var latest = await keys.ListAsync(includeRevoked: true, KeyRows, cancellationToken);
        IReadOnlyList<ApiKey> apiKeys = [.. active, .. latest.Where(k => k.Revoked is not null)];
        return new AdminOverview(
            current, lastChanges, linkPage, reports, dashboards, storedFiles, recent, AdminNotices.Message(notice), errors, form,
            open, AdminSession.SessionIdOf(request.HttpContext.User), apiKeys,
            await links.ListLockedAsync(cancellationToken), await links.ListLockedNetworksAsync(cancellationToken), now,
            await linkPolicy.GetAsync(cancellationToken), await linkPolicy.ListViolationsAsync(ViolationRows, cancellationToken))
        {
            Webhooks = await WebhookRowsAsync(cancellationToken),
        };
    }

    /// <summary>One query per webhook for its last attempt: there are at most <see cref="WebhookRules.MaxEndpoints"/> (no more than <see cref="WebhookService.MaxEndpointsLimit"/>), usually a few.</summary>
    private async Task<IReadOnlyList<AdminWebhookRow>> WebhookRowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<AdminWebhookRow>();
        foreach (var endpoint in await webhooks.ListAsync(cancellationToken))
        {
            var last = await webhooks.ListAttemptsAsync(endpoint.Id, null, 1, cancellationToken);
            rows.Add(new AdminWebhookRow(endpoint, last.Count > 0 ? last[0] : null));
        }
        return rows;
    }
}
