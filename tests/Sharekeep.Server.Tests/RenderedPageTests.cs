using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Public;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Visitors' pages are rendered once per version of the records behind them, and a change shows at once.
/// <see cref="RenderedPages.Renders"/> counts renderings, so "once" is counted, not timed.
/// </summary>
public sealed class RenderedPageTests
{
    private static readonly object SalesData = new
    {
        columns = new[] { "region", "sales" },
        rows = new object[][] { ["north", 120], ["south", 98] },
    };

    private static RenderedPages Pages(SharekeepApplication app) => app.Services.GetRequiredService<RenderedPages>();

    /// <summary>
    /// Visits <paramref name="url"/> until a visit renders nothing new (bounded), and answers that visit. On
    /// PostgreSQL an instance also hears its own writes announced a moment after it made them, and drops those
    /// records once more: a page rendered before that is rightly rendered again.
    /// </summary>
    private static async Task<Answer> SettledAsync(SharekeepApplication app, SharekeepClient visitor, string url)
    {
        Answer? last = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var before = Pages(app).Renders;
            last = await visitor.GetAsync(url);
            return Pages(app).Renders == before;
        }));
        return last!;
    }

    [Fact]
    public async Task ReportPage_VisitedAgain_IsNotRenderedAgainAndIsTheSameBytes()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/share/report/{await admin.ShareReportAsync(await admin.CreateReportAsync("Quarterly sales", SalesData))}";
        var first = await SettledAsync(app, visitor, url);
        var renders = Pages(app).Renders;

        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => visitor.GetAsync(url)));

        Assert.Equal(renders, Pages(app).Renders);
        Assert.All(again, page => Assert.Equal(first.Text, page.Text));
        Assert.All(again, page => Assert.Equal(HttpStatusCode.OK, page.Status));
    }

    [Fact]
    public async Task ReportPage_AskedForByManyAtOnceWhileCold_IsRenderedOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync("Quarterly sales", SalesData));
        var url = $"/share/report/{shareId}";
        // Past the announcements of the writes above, then cold again without a write (which would be announced).
        await SettledAsync(app, visitor, url);
        app.Services.GetRequiredService<StorageCache>().InvalidateAll();
        // The records in memory first: requests that each read their own copy from the database render their own.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
        var renders = Pages(app).Renders;

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => visitor.GetAsync(url)));

        Assert.Equal(renders + 1, Pages(app).Renders);
        Assert.All(pages, page => Assert.Equal(pages[0].Text, page.Text));
    }

    [Fact]
    public async Task DashboardPage_VisitedAgain_IsNotRenderedAgain()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var dashboard = await admin.CreateDashboardAsync(await admin.CreateReportAsync("Revenue", SalesData), await admin.CreateReportAsync("Costs"));
        var url = $"/share/dashboard/{await admin.ShareDashboardAsync(dashboard)}";
        await SettledAsync(app, visitor, url);
        var renders = Pages(app).Renders;

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        Assert.Equal(renders, Pages(app).Renders);
    }

    [Fact]
    public async Task FilePage_VisitedAgain_IsNotRenderedAgain()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/s/{await admin.ShareFileAsync(name: "minutes.txt", content: "we met")}";
        var first = await SettledAsync(app, visitor, url);
        var renders = Pages(app).Renders;

        var again = await visitor.GetAsync(url);

        Assert.Equal(renders, Pages(app).Renders);
        Assert.Equal(first.Text, again.Text);
    }

    [Fact]
    public async Task PasswordForm_IsRenderedForEveryVisitor()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/s/{await admin.ShareFileAsync(new { password = "Correct-Horse-9" })}";
        await visitor.GetAsync(url);
        var renders = Pages(app).Renders;

        var again = await visitor.GetAsync(url);

        Assert.Equal(renders, Pages(app).Renders);
        Assert.Contains("protected by a password", again.Text, StringComparison.Ordinal);
        Assert.Equal(0, Pages(app).Count);
    }

    [Fact]
    public async Task ReportOfAKeptDashboardDeleted_DisappearsFromItsPageAtOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var costs = await admin.CreateReportAsync("Costs");
        var url = $"/share/dashboard/{await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(await admin.CreateReportAsync("Revenue", SalesData), costs))}";
        Assert.Contains("<h2>Costs</h2>", (await visitor.GetAsync(url)).Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/reports/{costs}")).Status);
        var page = await visitor.GetAsync(url);

        Assert.DoesNotContain("<h2>Costs</h2>", page.Text, StringComparison.Ordinal);
        Assert.Contains("<h2>Revenue</h2>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptReportPage_IsRefusedAtOnceWhenSharingIsSwitchedOff()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/share/report/{await admin.ShareReportAsync(await admin.CreateReportAsync("Quarterly sales", SalesData))}";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        await admin.DisableSharingAsync();
        var page = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.DoesNotContain("Quarterly sales", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptFilePage_ShowsTheLinkMadeViewOnlyAtOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "open" });
        var url = $"/s/{link.GetProperty("requestToken").GetString()}";
        Assert.Contains(">Download</a>", (await visitor.GetAsync(url)).Text, StringComparison.Ordinal);

        await admin.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), denyDownload = true });
        var page = await visitor.GetAsync(url);

        Assert.Contains("viewing only", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(">Download</a>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptFilePage_ShowsSocialMediaSwitchedOnAtOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/s/{await admin.ShareFileAsync(name: "launch.png", contentType: "image/png")}";
        var before = await visitor.GetAsync(url);

        await admin.PutAsync("/api/2.0/files/settings/externalsocialmedia", new { set = true });
        var after = await visitor.GetAsync(url);

        Assert.DoesNotContain("og:title", before.Text, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"launch.png\"", after.Text, StringComparison.Ordinal);
        Assert.False(after.Headers.Contains("X-Robots-Tag"));
    }

    [Fact]
    public async Task PagesKept_AreBoundedInNumber()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?>
        {
            ["Sharekeep:PageCache:MaxEntries"] = "3",
        });
        using var admin = app.Admin();
        using var visitor = app.Visitor();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/share/report/{await admin.ShareReportAsync(await admin.CreateReportAsync($"R{i}"))}")).Status);
        }

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Pages(app).Count <= 3)));
    }
}
