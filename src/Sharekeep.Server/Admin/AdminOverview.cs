using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Sessions;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Admin;

/// <summary>Everything the console's one screen shows, read through the same services the APIs use.</summary>
public sealed record AdminOverview(
    SharingPolicy Policy,
    IReadOnlyDictionary<PolicySetting, PolicyChange> LastChanges,
    IReadOnlyList<AdminLinkRow> Links,
    string? Search,
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

/// <summary>One share link in the list: a report or dashboard share, or an external file link.</summary>
public sealed record AdminLinkRow(
    string Kind,
    string Resource,
    string Url,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    bool Expired,
    bool HasPassword,
    string RevokePath);

/// <summary>The antiforgery field every form of the page carries.</summary>
public sealed record AdminForm(string FieldName, string Token);

internal sealed class AdminOverviewReader(
    PolicyService policy,
    LinkPolicyService linkPolicy,
    SharingService sharing,
    ResourceService resources,
    FileService files,
    FileLinkService links,
    ConsoleSessionService sessions,
    ApiKeyService keys,
    AuditLog audit,
    TimeProvider time)
{
    public const int MaxRows = 200;
    public const int AuditRows = 25;
    public const int KeyRows = 100;
    public const int ViolationRows = 50;

    public async Task<AdminOverview> ReadAsync(
        HttpRequest request, string? search, string? notice, AdminForm form, IReadOnlyList<string> errors, CancellationToken cancellationToken)
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
        var storedFiles = await files.ListAsync(MaxRows, cancellationToken);

        var names = reports.ToDictionary(r => r.Id, r => r.Name);
        foreach (var dashboard in dashboards)
        {
            names[dashboard.Id] = dashboard.Name;
        }
        var rows = new List<AdminLinkRow>();
        foreach (var share in await sharing.ListAsync(new ShareQuery(Limit: MaxRows), cancellationToken))
        {
            var kind = share.Kind == ResourceKind.Report ? "Report" : "Dashboard";
            rows.Add(new AdminLinkRow(
                kind,
                names.GetValueOrDefault(share.ResourceId, "(deleted)"),
                PublicUrls.SharePage(request, share.Kind, share.Key),
                share.Created,
                share.Expires,
                share.IsExpired(time.GetUtcNow()),
                false,
                $"{AdminEndpoints.Path}/shares/{Uri.EscapeDataString(share.Key)}/revoke"));
        }
        var now = time.GetUtcNow();
        foreach (var (link, fileName) in await links.ListActiveAsync(MaxRows, cancellationToken))
        {
            rows.Add(new AdminLinkRow(
                "File",
                fileName,
                PublicUrls.FilePage(request, link.Key),
                link.Created,
                link.Expires,
                link.IsExpired(now),
                link.HasPassword,
                $"{AdminEndpoints.Path}/files/{link.FileId}/links/{link.Id}/revoke"));
        }
        var term = search?.Trim();
        var shown = rows
            .Where(r => string.IsNullOrEmpty(term)
                || r.Resource.Contains(term, StringComparison.OrdinalIgnoreCase)
                || r.Kind.Contains(term, StringComparison.OrdinalIgnoreCase)
                || r.Url.Contains(term, StringComparison.Ordinal))
            .OrderByDescending(r => r.Created)
            .Take(MaxRows)
            .ToList();
        var open = await sessions.ListOpenAsync(cancellationToken);
        // Every active key (there are at most ApiKeyService.MaxActive), then the latest revoked ones.
        var active = await keys.ListAsync(includeRevoked: false, ApiKeyService.MaxActive, cancellationToken);
        var latest = await keys.ListAsync(includeRevoked: true, KeyRows, cancellationToken);
        IReadOnlyList<ApiKey> apiKeys = [.. active, .. latest.Where(k => k.Revoked is not null)];
        return new AdminOverview(
            current, lastChanges, shown, term, reports, dashboards, storedFiles, recent, AdminNotices.Message(notice), errors, form,
            open, AdminSession.SessionIdOf(request.HttpContext.User), apiKeys,
            await links.ListLockedAsync(cancellationToken), await links.ListLockedNetworksAsync(cancellationToken), now,
            await linkPolicy.GetAsync(cancellationToken), await linkPolicy.ListViolationsAsync(ViolationRows, cancellationToken));
    }
}
