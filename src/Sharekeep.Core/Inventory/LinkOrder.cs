namespace Sharekeep.Core.Inventory;

/// <summary>
/// The inventory's one order over two tables. Ascending: by the sort value (in an expires sort, links that never
/// expire come after every link that does), then the table (shares before file links), then the key within the
/// table. Descending is the exact reverse. The key is compared by each database inside its own table only, so
/// the merge here never compares keys: it interleaves two lists the databases already ordered.
/// </summary>
public static class LinkOrder
{
    public static bool IsByExpiry(LinkSort sort) => sort is LinkSort.ExpiresAscending or LinkSort.ExpiresDescending;

    public static bool IsDescending(LinkSort sort) => sort is LinkSort.CreatedDescending or LinkSort.ExpiresDescending;

    /// <summary>
    /// Compares positions in different tables (never equal, since the table breaks the tie). Positions in the same
    /// table compare by value only; equal values there are ordered by the database.
    /// </summary>
    public static int CompareAcrossTables(LinkPosition a, LinkPosition b)
    {
        var ascending = (a.Value is null).CompareTo(b.Value is null);
        if (ascending == 0)
        {
            ascending = Nullable.Compare(a.Value, b.Value);
        }
        if (ascending == 0)
        {
            ascending = a.Table.CompareTo(b.Table);
        }
        return IsDescending(a.Sort) ? -ascending : ascending;
    }

    /// <summary>
    /// One page from each table's slice: merged in order, cut at the limit. A slice with a frontier examined only
    /// part of its table (the text search's bound), so nothing of the other table past that frontier is known to
    /// be complete: it is left for the next page, which starts after the frontier when this one is not full.
    /// </summary>
    public static (IReadOnlyList<InventoryLink> Links, LinkPosition? Next) Merge(LinkQuery query, IReadOnlyList<LinkSlice> slices)
    {
        LinkPosition? frontier = null;
        foreach (var slice in slices)
        {
            if (slice.Frontier is { } f && (frontier is null || CompareAcrossTables(f, frontier) < 0))
            {
                frontier = f;
            }
        }
        var lists = slices
            .Select(s => s.Links.Where(l => frontier is null || l.Table == frontier.Table || CompareAcrossTables(l.PositionIn(query.Sort), frontier) < 0).ToList())
            .ToList();
        var merged = lists.Count switch
        {
            0 => [],
            1 => lists[0],
            _ => MergeTwo(query.Sort, lists[0], lists[1]),
        };
        if (merged.Count > query.Limit)
        {
            var page = merged.GetRange(0, query.Limit);
            return (page, page[^1].PositionIn(query.Sort));
        }
        return (merged, frontier);
    }

    private static List<InventoryLink> MergeTwo(LinkSort sort, List<InventoryLink> first, List<InventoryLink> second)
    {
        var merged = new List<InventoryLink>(first.Count + second.Count);
        int i = 0, j = 0;
        while (i < first.Count && j < second.Count)
        {
            merged.Add(CompareAcrossTables(first[i].PositionIn(sort), second[j].PositionIn(sort)) <= 0 ? first[i++] : second[j++]);
        }
        merged.AddRange(first.Skip(i));
        merged.AddRange(second.Skip(j));
        return merged;
    }
}

/// <summary>
/// One table's part of a page: its first links after the cursor, in order, at most the limit plus one. When a text
/// search examined only its bound of rows, <paramref name="Frontier"/> is the last row examined.
/// </summary>
public sealed record LinkSlice(IReadOnlyList<InventoryLink> Links, LinkPosition? Frontier);
