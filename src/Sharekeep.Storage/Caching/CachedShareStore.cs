using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;

namespace Sharekeep.Storage.Caching;

/// <summary>Share keys from memory when warm; writes go to the database and invalidate what they changed.</summary>
internal sealed class CachedShareStore(Lazy<IShareStore> inner, StorageCache cache) : IShareStore
{
    public Task<Share?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(ChangeArea.Share, key, () => inner.Value.FindByKeyAsync(key, cancellationToken));

    public async Task<Share> GetOrAddActiveAsync(
        ResourceKind kind, Guid resourceId, Func<Share> create, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An expired share this replaces is revoked by the write: it is dropped from memory with the new key.
        var replaced = await inner.Value.FindActiveAsync(ResourceIds.Of(kind, resourceId), cancellationToken);
        var share = await inner.Value.GetOrAddActiveAsync(kind, resourceId, create, now, cancellationToken);
        // A new key: nobody should have asked for it yet, but a cached "no such share" must not outlive it.
        cache.Invalidate(new Change(ChangeArea.Share, share.Key));
        foreach (var old in replaced.Where(s => s.Key != share.Key))
        {
            cache.Invalidate(new Change(ChangeArea.Share, old.Key));
        }
        return share;
    }

    public Task<IReadOnlyList<Share>> ListOutlivingAsync(DateTimeOffset latestExpiry, int limit, CancellationToken cancellationToken) =>
        inner.Value.ListOutlivingAsync(latestExpiry, limit, cancellationToken);

    public Task<bool> RevokeAsync(string key, ResourceKind? kind, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.RevokeAsync(key, kind, revokedAt, cancellationToken), new Change(ChangeArea.Share, key));

    public Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken) =>
        inner.Value.ListAsync(query, cancellationToken);

    public Task<IReadOnlyList<Share>> FindActiveAsync(ResourceIds resources, CancellationToken cancellationToken) =>
        inner.Value.FindActiveAsync(resources, cancellationToken);
}
