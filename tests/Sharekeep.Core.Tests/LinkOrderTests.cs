using Sharekeep.Core.Inventory;

namespace Sharekeep.Core.Tests;

/// <summary>The merge of the two tables' slices into one page.</summary>
public sealed class LinkOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static InventoryLink Share(string key, int minute) =>
        new(LinkKind.Report, key, null, Guid.Empty, "r", null, T0.AddMinutes(minute), null, null, false, null, null);

    private static InventoryLink File(string key, int minute) =>
        new(LinkKind.File, key, Guid.NewGuid(), Guid.Empty, "f", "t", T0.AddMinutes(minute), null, null, false, false, false);

    private static LinkQuery Query(int limit, LinkSort sort = LinkSort.CreatedAscending) => new(new LinkFilter(), sort, limit, null);

    [Fact]
    public void Merge_AtEqualMoments_PutsSharesBeforeFileLinks_AndTheReverseWhenDescending()
    {
        var shares = new LinkSlice([Share("s", 1)], null);
        var files = new LinkSlice([File("f", 1)], null);

        var (ascending, _) = LinkOrder.Merge(Query(10), [shares, files]);
        var (descending, _) = LinkOrder.Merge(Query(10, LinkSort.CreatedDescending), [shares, files]);

        Assert.Equal(["s", "f"], ascending.Select(l => l.Key));
        Assert.Equal(["f", "s"], descending.Select(l => l.Key));
    }

    [Fact]
    public void Merge_OfMoreThanTheLimit_CutsThePageAndContinuesAfterItsLastLink()
    {
        var (page, next) = LinkOrder.Merge(Query(2), [new LinkSlice([Share("a", 1), Share("c", 3)], null), new LinkSlice([File("b", 2)], null)]);

        Assert.Equal(["a", "b"], page.Select(l => l.Key));
        Assert.Equal(new LinkPosition(LinkSort.CreatedAscending, T0.AddMinutes(2), LinkTable.FileLinks, "b"), next);
    }

    [Fact]
    public void Merge_WithAFrontier_LeavesTheOtherTablesLinksPastItForTheNextPage()
    {
        // The file links' text search stopped at minute 2: a share found at minute 3 may have file links before it.
        var frontier = new LinkPosition(LinkSort.CreatedAscending, T0.AddMinutes(2), LinkTable.FileLinks, "x");

        var (page, next) = LinkOrder.Merge(Query(10), [new LinkSlice([Share("a", 1), Share("c", 3)], null), new LinkSlice([File("b", 2)], frontier)]);

        Assert.Equal(["a", "b"], page.Select(l => l.Key));
        Assert.Equal(frontier, next);
    }

    [Fact]
    public void Cursor_ReadForAnotherSort_IsNone()
    {
        var text = LinkCursor.Write(new LinkPosition(LinkSort.CreatedAscending, T0, LinkTable.Shares, "k"));

        Assert.Null(LinkCursor.Read(text, LinkSort.ExpiresAscending));
        Assert.Equal("k", LinkCursor.Read(text, LinkSort.CreatedAscending)!.Key);
    }
}
