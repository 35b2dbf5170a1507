using Sharekeep.Core.Inventory;

namespace Sharekeep.Storage.Caching;

/// <summary>
/// Listings go to the database; a bulk batch drops every key it may have changed from memory (a rotated link's old
/// and new key). Other instances hear of each changed row from the database's change notices.
/// </summary>
internal sealed class CachedLinkInventoryStore(Lazy<ILinkInventoryStore> inner, StorageCache cache) : ILinkInventoryStore
{
    public Task<LinkSlice> ListAsync(LinkTable table, LinkQuery query, int? textWindow, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.Value.ListAsync(table, query, textWindow, now, cancellationToken);

    public Task<long> CountAsync(LinkTable table, LinkFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.Value.CountAsync(table, filter, now, cancellationToken);

    public Task<IReadOnlyList<BulkTarget>> ApplyAsync(BulkAction action, IReadOnlyList<BulkTarget> targets, DateTimeOffset now, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.ApplyAsync(action, targets, now, cancellationToken), [.. targets.SelectMany(ChangesOf)]);

    private static IEnumerable<Change> ChangesOf(BulkTarget target)
    {
        var area = target.Link.Table == LinkTable.Shares ? ChangeArea.Share : ChangeArea.FileLink;
        yield return new Change(area, target.Link.Key);
        if (target.NewKey is { } key)
        {
            yield return new Change(area, key);
        }
    }
}
