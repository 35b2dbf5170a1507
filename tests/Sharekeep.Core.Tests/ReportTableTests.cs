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
    public void ManyRows_AreCountedSoThePageCanSayHowMany()
    {
        var rows = string.Join(",", Enumerable.Range(0, ReportTable.MaxRows + 20).Select(i => $"[{i}]"));

        var table = ReportTable.From($"[{rows}]");

        Assert.True(table.RowsCut);
        Assert.Equal(ReportTable.MaxRows + 20, table.TotalRows);
    }

    [Fact]
    public void ManyEmptyColumns_AreCutAtTheLimitAndCounted()
    {
        var row = "[" + string.Join(",", Enumerable.Repeat("\"\"", 20_000)) + "]";
        var data = $"{{\"columns\":{row},\"rows\":[{string.Join(",", Enumerable.Repeat(row, 500))}]}}";

        var table = ReportTable.From(data);

        Assert.Equal(ReportTable.MaxColumns, table.Columns.Count);
        Assert.Equal(20_000, table.TotalColumns);
        Assert.All(table.Rows, r => Assert.Equal(ReportTable.MaxColumns, r.Count));
        Assert.Equal(500, table.Rows.Count);
    }

    [Fact]
    public void ArrayOfArraysWiderThanTheLimit_ShowsTheFirstColumnsAndCountsAll()
    {
        var row = "[" + string.Join(",", Enumerable.Range(0, 250)) + "]";

        var table = ReportTable.From($"[{row},{row}]");

        Assert.Equal(ReportTable.MaxColumns, table.Columns.Count);
        Assert.Equal(250, table.TotalColumns);
        Assert.Equal($"Column {ReportTable.MaxColumns}", table.Columns[^1]);
        Assert.Equal((ReportTable.MaxColumns - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), table.Rows[1][^1]);
    }

    [Fact]
    public void ObjectsWithManyKeys_ShowTheFirstKeysInOrderOfAppearance()
    {
        var wide = "{" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"k{i}\":{i}")) + "}";

        var table = ReportTable.From($"[{wide},{{\"late\":1,\"k5\":\"five\"}}]");

        Assert.Equal(ReportTable.MaxColumns, table.Columns.Count);
        Assert.Equal(301, table.TotalColumns);
        Assert.Equal("k0", table.Columns[0]);
        Assert.Equal("five", table.Rows[1][5]);
    }

    [Fact]
    public void NaturalRecordsUnderTheCaps_AreShownWhole()
    {
        var records = Enumerable.Range(0, 200).Select(r => "{" + string.Join(",", Enumerable.Range(0, 50).Select(k => $"\"field{k}\":\"value {r}-{k}\"")) + "}");

        var table = ReportTable.From($"[{string.Join(",", records)}]");

        Assert.Equal(50, table.Columns.Count);
        Assert.Equal(200, table.Rows.Count);
        Assert.False(table.RowsCut);
        Assert.False(table.ColumnsCut);
        Assert.False(table.CellsCut);
        Assert.Equal("value 199-49", table.Rows[199][49]);
    }

    [Fact]
    public void LongCell_IsCutAtTheLimitWithAnEllipsis()
    {
        var table = ReportTable.From($"[[\"{new string('x', 100_000)}\", \"short\"]]");

        Assert.True(table.CellsCut);
        Assert.Equal(ReportTable.MaxCellChars, table.Rows[0][0].Length);
        Assert.EndsWith("…", table.Rows[0][0], StringComparison.Ordinal);
        Assert.Equal("short", table.Rows[0][1]);
    }

    [Fact]
    public void CellCut_NeverSplitsASurrogatePair()
    {
        var text = new string('x', ReportTable.MaxCellChars - 2) + string.Concat(Enumerable.Repeat("😀", 10));

        var cell = ReportTable.From($"[\"{text}\"]").Rows[0][0];

        Assert.False(char.IsHighSurrogate(cell[^2]));
        Assert.EndsWith("…", cell, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsStopWhereTheSizeBudgetEnds()
    {
        var cell = new string('<', ReportTable.MaxCellChars);
        var rows = string.Join(",", Enumerable.Range(0, 400).Select(_ => "[" + string.Join(",", Enumerable.Repeat($"\"{cell}\"", 20)) + "]"));

        var table = ReportTable.From($"[{rows}]");

        Assert.True(table.RowsCut);
        Assert.Equal(400, table.TotalRows);
        Assert.True(table.Rows.Sum(r => r.Sum(ReportTable.TextCost)) <= ReportTable.MaxBytes);
    }

    [Fact]
    public void ASmallerBudget_ShowsFewerRows()
    {
        var rows = string.Join(",", Enumerable.Range(0, 400).Select(i => $"[\"row {i} with some words\", {i}]"));

        Assert.True(ReportTable.From($"[{rows}]", ReportTable.MaxBytes / 100).Rows.Count < ReportTable.From($"[{rows}]").Rows.Count);
    }

    [Fact]
    public void TextCost_CountsEscapedCharactersAtTheirLongestEscape()
    {
        Assert.Equal(5, ReportTable.TextCost("north"));
        Assert.Equal(16, ReportTable.TextCost("<й"));
    }

    [Fact]
    public void ChartOfManyRows_DrawsTheFirstBarsAndCountsTheRest()
    {
        var rows = string.Join(",", Enumerable.Range(0, 200).Select(i => $"[\"r{i}\",{i}]"));

        var chart = ReportTable.From($"[{rows}]").Chart;

        Assert.NotNull(chart);
        Assert.Equal(ReportChart.MaxBars, chart.Bars.Count);
        Assert.Equal(200, chart.TotalBars);
    }

    [Fact]
    public void NumberTooLargeForADouble_IsNotCharted()
    {
        var table = ReportTable.From("""[["a",1e999],["b",2]]""");

        Assert.Null(table.Chart);
        Assert.Equal("1e999", table.Rows[0][1]);
    }

    [Fact]
    public void LongChartLabels_AreClipped()
    {
        var chart = ReportTable.From($"[[\"{new string('l', 40)}\",1],[\"b\",2]]").Chart;

        Assert.Equal(ReportChart.MaxLabelChars, chart!.Bars[0].Label.Length);
    }
}
