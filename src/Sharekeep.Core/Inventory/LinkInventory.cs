namespace Sharekeep.Core.Inventory;

/// <summary>A page of links and the position the next page starts after (null on the last page).</summary>
public sealed record LinkPage(IReadOnlyList<InventoryLink> Links, LinkPosition? Next, DateTimeOffset Now);

/// <summary>Every share and file link, in one keyset-paged list.</summary>
public sealed class LinkInventory(ILinkInventoryStore store, TimeProvider time)
{
    /// <summary>
    /// How many rows matching the rest of the filter a text search examines per table and page. A substring
    /// cannot use an index, so without a bound one page of a rare word would read every link; with it a page
    /// costs at most this many rows per table, and may come back short (even empty) with a cursor to go on.
    /// </summary>
    public const int TextSearchWindow = 20_000;

    public Task<LinkPage> ListAsync(LinkQuery query, CancellationToken cancellationToken) =>
        ListAsync(query, time.GetUtcNow(), cancellationToken);

    public async Task<LinkPage> ListAsync(LinkQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int? window = query.Filter.Text is null ? null : TextSearchWindow;
        var slices = new List<LinkSlice>(2);
        foreach (var table in (LinkTable[])[LinkTable.Shares, LinkTable.FileLinks])
        {
            if (query.Filter.Covers(table))
            {
                slices.Add(await store.ListAsync(table, query, window, now, cancellationToken));
            }
        }
        var (links, next) = LinkOrder.Merge(query, slices);
        return new LinkPage(links, next, now);
    }

    public async Task<long> CountAsync(LinkFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var table in (LinkTable[])[LinkTable.Shares, LinkTable.FileLinks])
        {
            if (filter.Covers(table))
            {
                count += await store.CountAsync(table, filter, now, cancellationToken);
            }
        }
        return count;
    }
}
