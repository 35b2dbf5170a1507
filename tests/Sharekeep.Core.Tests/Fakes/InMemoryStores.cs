using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;

namespace Sharekeep.Core.Tests.Fakes;

/// <summary>Just enough storage to exercise the domain alone.</summary>
internal sealed class InMemoryPolicyStore : IPolicyStore
{
    private readonly Dictionary<PolicySetting, StoredSetting> _settings = [];
    private readonly List<(PolicyChange Change, string Actor)> _changes = [];

    /// <summary>The audited changes, oldest first, with who made them.</summary>
    public IReadOnlyList<(PolicyChange Change, string Actor)> Changes => _changes;

    public int Writes { get; private set; }

    public Task<IReadOnlyList<StoredSetting>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredSetting>>(_settings.Values.ToList());

    public Task<PolicyTransition> UpdateAsync(PolicySetting setting, Func<StoredSetting?, PolicyTransition> decide, string actor, CancellationToken cancellationToken)
    {
        var transition = decide(_settings.GetValueOrDefault(setting));
        if (transition.Write is { } write)
        {
            _settings[setting] = write;
            Writes++;
        }
        if (transition.Change is { } change)
        {
            _changes.Add((change, actor));
        }
        return Task.FromResult(transition);
    }
}

internal sealed class InMemoryLinkPolicyStore : ILinkPolicyStore
{
    private StoredLinkPolicy? _stored;

    public List<LinkPolicyChange> Audit { get; } = [];

    public int Writes { get; private set; }

    public Task<StoredLinkPolicy?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(_stored);

    public Task<LinkPolicyTransition> UpdateAsync(Func<StoredLinkPolicy?, LinkPolicyTransition> decide, string actor, CancellationToken cancellationToken)
    {
        var transition = decide(_stored);
        if (transition.Write is { } write)
        {
            _stored = write;
            Writes++;
        }
        if (transition.Change is { } change)
        {
            Audit.Add(change);
        }
        return Task.FromResult(transition);
    }
}

internal sealed class InMemoryShareStore : IShareStore
{
    public List<Share> Shares { get; } = [];

    public int Lookups { get; private set; }

    public Task<Share?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        Lookups++;
        return Task.FromResult(Shares.FirstOrDefault(s => s.Key == key));
    }

    public Task<Share> GetOrAddActiveAsync(ResourceKind kind, Guid resourceId, Func<Share> create, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var index = Shares.FindIndex(s => s.Kind == kind && s.ResourceId == resourceId && s.IsActive);
        var share = index < 0 ? null : Shares[index];
        if (share is not null && share.IsExpired(now))
        {
            Shares[index] = share with { Revoked = now };
            share = null;
        }
        if (share is null)
        {
            share = create();
            Shares.Add(share);
        }
        return Task.FromResult(share);
    }

    public Task<bool> RevokeAsync(string key, ResourceKind? kind, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var index = Shares.FindIndex(s => s.Key == key && s.IsActive && (kind is null || s.Kind == kind));
        if (index < 0)
        {
            return Task.FromResult(false);
        }
        Shares[index] = Shares[index] with { Revoked = revokedAt };
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Share>>(Shares.Where(s => query.IncludeRevoked || s.IsActive).Take(query.Limit).ToList());

    public Task<IReadOnlyList<Share>> ListOutlivingAsync(DateTimeOffset latestExpiry, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Share>>(Shares
            .Where(s => s.IsActive && (s.Expires is null || s.Expires > latestExpiry))
            .OrderBy(s => s.Created)
            .Take(limit)
            .ToList());

    public Task<IReadOnlyList<Share>> FindActiveAsync(ResourceIds resources, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Share>>(Shares
            .Where(s => s.IsActive && (s.Kind == ResourceKind.Report ? resources.Reports : resources.Dashboards).Contains(s.ResourceId))
            .ToList());
}

internal sealed class InMemoryResourceStore : IResourceStore
{
    private readonly List<Report> _reports = [];
    private readonly List<Dashboard> _dashboards = [];

    public Task AddReportAsync(Report report, CancellationToken cancellationToken)
    {
        _reports.Add(report);
        return Task.CompletedTask;
    }

    public Task<Report?> FindReportAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.FirstOrDefault(r => r.Id == id));

    public Task<IReadOnlyList<Report>> ListReportsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Report>>(_reports.ToList());

    public Task<IReadOnlyList<Report>> FindReportsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Report>>(_reports.Where(r => ids.Contains(r.Id)).ToList());

    public Task<bool> DeleteReportAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.RemoveAll(r => r.Id == id) > 0);

    public Task AddDashboardAsync(Dashboard dashboard, CancellationToken cancellationToken)
    {
        _dashboards.Add(dashboard);
        return Task.CompletedTask;
    }

    public Task<Dashboard?> FindDashboardAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.FirstOrDefault(d => d.Id == id));

    public Task<IReadOnlyList<Dashboard>> ListDashboardsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Dashboard>>(_dashboards.ToList());

    public Task<bool> DeleteDashboardAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.RemoveAll(d => d.Id == id) > 0);

    public Task<bool> ExistsAsync(ResourceKind kind, Guid id, CancellationToken cancellationToken) => Task.FromResult(kind switch
    {
        ResourceKind.Report => _reports.Any(r => r.Id == id),
        ResourceKind.Dashboard => _dashboards.Any(d => d.Id == id),
        _ => false,
    });
}
