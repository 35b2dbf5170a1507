using System.Net;
using System.Text;
using System.Text.Json;
using Sharekeep.Core.Resources;
using Sharekeep.Server.Public;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>A report's page is bounded whatever its data, and says what it leaves out.</summary>
public sealed class ReportPageBoundsTests
{
    /// <summary>
    /// 20 000 empty columns × 500 rows in about 61 KB of JSON, which once rendered a 90 MB page: one row (or the
    /// header) 20 000 empty strings wide, and every other row as wide by being padded.
    /// </summary>
    private static string EmptyColumns(bool withHeader)
    {
        var wide = "[" + string.Join(",", Enumerable.Repeat("\"\"", 20_000)) + "]";
        return withHeader
            ? $"{{\"columns\":{wide},\"rows\":[{string.Join(",", Enumerable.Repeat("[]", 500))}]}}"
            : $"[{wide},{string.Join(",", Enumerable.Repeat("[]", 499))}]";
    }

    /// <summary>200 records of 50 keys each: a natural report of about 141 KB.</summary>
    private static string Records(int count, int keys) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(r =>
            "{" + string.Join(",", Enumerable.Range(0, keys).Select(k => $"\"measurement_{k:D2}\":\"{r * k} units\"")) + "}")) + "]";

    private static async Task<Answer> ReportPageAsync(SharekeepApplication app, string dataJson)
    {
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        // As written, not re-encoded: the data's size is what an attacker sends.
        var created = await admin.PostRawAsync("/api/v1/reports", $"{{\"name\":\"Wide\",\"data\":{dataJson}}}");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var shareId = await admin.ShareReportAsync(created.Body.GetProperty("id").GetGuid());
        return await visitor.GetAsync($"/share/report/{shareId}");
    }

    private static void AssertBounded(Answer page)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var bytes = Encoding.UTF8.GetByteCount(page.Text);
        Assert.True(bytes <= ReportPages.MaxPageBytes, $"The page has {bytes} bytes.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TwentyThousandEmptyColumns_GiveABoundedPageSayingHowManyColumnsItShows(bool withHeader)
    {
        await using var app = new SharekeepApplication();

        var page = await ReportPageAsync(app, EmptyColumns(withHeader));

        AssertBounded(page);
        Assert.Contains($"Showing the first {ReportTable.MaxColumns} of 20000 columns.", page.Text, StringComparison.Ordinal);
        Assert.Equal(500, page.Text.Split("<tr>").Length - 2);
    }

    [Fact]
    public async Task TwoHundredRecordsOfFiftyKeys_AreShownWholeWithoutANote()
    {
        await using var app = new SharekeepApplication();

        var page = await ReportPageAsync(app, Records(200, 50));

        AssertBounded(page);
        Assert.Equal(50, page.Text.Split("<th scope=\"col\">").Length - 1);
        Assert.Equal(200 * 50, page.Text.Split("<td>").Length - 1);
        Assert.Contains("<td>9751 units</td>", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"meta cut\"", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsBeyondTheRowCap_SayHowManyRowsAreShown()
    {
        await using var app = new SharekeepApplication();

        var page = await ReportPageAsync(app, Records(ReportTable.MaxRows + 100, 3));

        AssertBounded(page);
        Assert.Contains($"Showing the first {ReportTable.MaxRows} of {ReportTable.MaxRows + 100} rows.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneHugeCell_IsCutAndThePageSaysSo()
    {
        await using var app = new SharekeepApplication();

        var page = await ReportPageAsync(app, $"[[\"{new string('x', 900_000)}\",1],[\"b\",2]]");

        AssertBounded(page);
        Assert.Contains($"Cells are cut at {ReportTable.MaxCellChars} characters.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', ReportTable.MaxCellChars), page.Text, StringComparison.Ordinal);
    }

    /// <summary>Every cell as long as allowed and made of characters a page must escape: the size budget stops the rows.</summary>
    [Fact]
    public async Task CellsThatEscapeToTheLongestMarkup_StopAtTheSizeBudget()
    {
        await using var app = new SharekeepApplication();
        var cell = $"\"{new string('й', ReportTable.MaxCellChars)}\"";
        var row = "[" + string.Join(",", Enumerable.Repeat(cell, 40)) + "]";

        var page = await ReportPageAsync(app, "[" + string.Join(",", Enumerable.Repeat(row, 30)) + "]");

        AssertBounded(page);
        Assert.Matches("Showing the first [0-9]+ of 30 rows", page.Text);
    }

    /// <summary>A dashboard of as many large reports as it may hold: its reports share one page's budget.</summary>
    [Fact]
    public async Task DashboardOfTheMostLargeReports_GivesABoundedPage()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        using var data = JsonDocument.Parse(Records(200, 50));
        var reports = new List<Guid>();
        for (var i = 0; i < ResourceRules.MaxReportsPerDashboard; i++)
        {
            reports.Add(await admin.CreateReportAsync($"Report {i}", data.RootElement));
        }
        var shareId = await admin.ShareDashboardAsync(await admin.CreateDashboardAsync([.. reports]));

        var page = await visitor.GetAsync($"/share/dashboard/{shareId}");

        AssertBounded(page);
        Assert.Equal(ResourceRules.MaxReportsPerDashboard, page.Text.Split("<section class=\"tile\"").Length - 1);
        Assert.Equal(ResourceRules.MaxReportsPerDashboard, page.Text.Split("of 200 rows.").Length - 1);
    }

    [Fact]
    public async Task ChartOfManyRows_SaysItDrawsTheFirst()
    {
        await using var app = new SharekeepApplication();
        var rows = string.Join(",", Enumerable.Range(0, 300).Select(i => $"[\"r{i}\",{i}]"));

        var page = await ReportPageAsync(app, $"[{rows}]");

        AssertBounded(page);
        Assert.Equal(ReportChart.MaxBars, page.Text.Split("class=\"chart-bar\"").Length - 1);
        Assert.Contains($"(the first {ReportChart.MaxBars} of 300 rows)", page.Text, StringComparison.Ordinal);
    }
}
