namespace Sharekeep.Core.Inventory;

/// <summary>Shares and file links read as one inventory, and changed many at a time.</summary>
public interface ILinkInventoryStore
{
    /// <summary>
    /// The links of <paramref name="table"/> that match the query's filter and come after its position, in its
    /// order: at most the limit plus one. With a <paramref name="textWindow"/>, the text is searched among the
    /// first that many rows matching the rest of the filter only; the slice's frontier then says where the search
    /// stopped, or is null when the table had no more rows.
    /// </summary>
    Task<LinkSlice> ListAsync(LinkTable table, LinkQuery query, int? textWindow, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many links of <paramref name="table"/> match <paramref name="filter"/> (a text search reads every row).</summary>
    Task<long> CountAsync(LinkTable table, LinkFilter filter, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="action"/> to <paramref name="targets"/> in one transaction, each only while it still
    /// needs the change (a link revoked meanwhile is not revoked again, nor rotated); answers the targets changed.
    /// </summary>
    Task<IReadOnlyList<BulkTarget>> ApplyAsync(BulkAction action, IReadOnlyList<BulkTarget> targets, DateTimeOffset now, CancellationToken cancellationToken);
}
