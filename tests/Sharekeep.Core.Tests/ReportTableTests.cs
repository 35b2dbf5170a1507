using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Tests;

public sealed class ReportTableTests
{
    [Fact]
    public void ColumnsAndRows_BecomeHeaderAndCells()
    {
        var table = ReportTable.From("""{"columns":["region","sales"],"rows":[["north",120],["south",98.5]]}""");

        Assert.Equal(["region", "sales"], table.Columns);
        Assert.Equal(["north", "120"], table.Rows[0]);
        Assert.Equal(["south", "98.5"], table.Rows[1]);
    }

    [Fact]
    public void ColumnsAndRows_ChartTheFirstNumericColumnLabelledByTheFirstOther()
    {
        var table = ReportTable.From("""{"columns":["region","sales"],"rows":[["north",120],["south",98]]}""");

        Assert.NotNull(table.Chart);
        Assert.Equal("sales by region", table.Chart.Title);
        Assert.Equal([new ReportBar("north", 120), new ReportBar("south", 98)], table.Chart.Bars);
    }

    [Fact]
    public void ArrayOfObjects_TakesColumnsFromTheirProperties()
    {
        var table = ReportTable.From("""[{"name":"a","count":1},{"name":"b","extra":true}]""");

        Assert.Equal(["name", "count", "extra"], table.Columns);
        Assert.Equal(["b", "", "yes"], table.Rows[1]);
    }

    [Fact]
    public void Object_BecomesNameAndValueRows()
    {
        var table = ReportTable.From("""{"total":42,"currency":"EUR"}""");

        Assert.Equal(["Name", "Value"], table.Columns);
        Assert.Equal(["total", "42"], table.Rows[0]);
    }

    [Fact]
    public void ArrayOfArraysWithoutHeader_GetsNumberedColumns()
    {
        var table = ReportTable.From("[[1,2],[3,4]]");

        Assert.Equal(["Column 1", "Column 2"], table.Columns);
        Assert.Equal(["3", "4"], table.Rows[1]);
    }

    [Fact]
    public void SingleValue_IsOneCellWithoutAChart()
    {
        var table = ReportTable.From("7");

        Assert.Equal(["Value"], table.Columns);
        Assert.Equal(["7"], table.Rows[0]);
        Assert.Null(table.Chart);
    }

    [Fact]
    public void NoNumericColumn_HasNoChart()
    {
        Assert.Null(ReportTable.From("""[["a","b"],["c","d"]]""").Chart);
    }

    [Fact]
    public void ManyRows_AreCutAtTheLimit()
    {
        var rows = string.Join(",", Enumerable.Range(0, ReportTable.MaxRows + 20).Select(i => $"[{i}]"));

        Assert.Equal(ReportTable.MaxRows, ReportTable.From($"[{rows}]").Rows.Count);
    }

    [Fact]
    public void Of_TheSameReport_BuildsItsTableOnce()
    {
        var report = new Report(Guid.NewGuid(), "Sales", """[["north",120],["south",98]]""", DateTimeOffset.UnixEpoch);

        Assert.Same(ReportTable.Of(report), ReportTable.Of(report));
    }

    [Fact]
    public void Of_AnotherInstanceOfTheReport_BuildsItsOwnTable()
    {
        var report = new Report(Guid.NewGuid(), "Sales", """[["north",120],["south",98]]""", DateTimeOffset.UnixEpoch);
        var reread = report with { };

        Assert.NotSame(ReportTable.Of(report), ReportTable.Of(reread));
        Assert.Equal(ReportTable.Of(report).Rows, ReportTable.Of(reread).Rows);
    }
}
