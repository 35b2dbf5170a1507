using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

public interface IShareStore
{
    Task<Share?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The resource's active share, or the one <paramref name="create"/> makes when it has none.
    /// Atomic: two concurrent calls for the same resource get the same share.
    /// </summary>
    Task<Share> GetOrAddActiveAsync(ResourceKind kind, Guid resourceId, Func<Share> create, CancellationToken cancellationToken);

    /// <summary>Marks an active share revoked; false when there is no active share with that key and kind.</summary>
    Task<bool> RevokeAsync(string key, ResourceKind? kind, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken);
}

/// <summary>Which shares a listing returns; null fields do not filter.</summary>
public sealed record ShareQuery(ResourceKind? Kind = null, Guid? ResourceId = null, bool IncludeRevoked = false, int Limit = 100);
