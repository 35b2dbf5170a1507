using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

public interface IShareStore
{
    Task<Share?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The resource's active share, or the one <paramref name="create"/> makes when it has none. An active share
    /// expired by <paramref name="now"/> is revoked (at now) and replaced by a new one in the same transaction.
    /// Atomic: two concurrent calls for the same resource get the same share.
    /// </summary>
    Task<Share> GetOrAddActiveAsync(ResourceKind kind, Guid resourceId, Func<Share> create, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Active shares that expire never or after <paramref name="latestExpiry"/> (a moment to come); oldest first.</summary>
    Task<IReadOnlyList<Share>> ListOutlivingAsync(DateTimeOffset latestExpiry, int limit, CancellationToken cancellationToken);

    /// <summary>Marks an active share revoked; false when there is no active share with that key and kind.</summary>
    Task<bool> RevokeAsync(string key, ResourceKind? kind, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken);

    /// <summary>The active shares of these resources, found in one query however many ids there are.</summary>
    Task<IReadOnlyList<Share>> FindActiveAsync(ResourceIds resources, CancellationToken cancellationToken);
}

/// <summary>Which shares a listing returns; null fields do not filter.</summary>
public sealed record ShareQuery(ResourceKind? Kind = null, Guid? ResourceId = null, bool IncludeRevoked = false, int Limit = 100);

/// <summary>Reports and dashboards named by id; an id on the wrong list names nothing.</summary>
public sealed record ResourceIds(IReadOnlyCollection<Guid> Reports, IReadOnlyCollection<Guid> Dashboards)
{
    public static ResourceIds Of(ResourceKind kind, Guid id) =>
        kind == ResourceKind.Report ? new([id], []) : new([], [id]);

    public bool IsEmpty => Reports.Count == 0 && Dashboards.Count == 0;
}
