using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>/share/report/{id} and /share/dashboard/{id}: what a visitor's browser gets.</summary>
public sealed class ReportPageTests
{
    private static readonly object SalesData = new
    {
        columns = new[] { "region", "sales" },
        rows = new object[][] { ["north", 120], ["south", 98] },
    };

    [Fact]
    public async Task SharedReport_IsATableAndABarChart()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync("Quarterly sales", SalesData));

        var page = await visitor.GetAsync($"/share/report/{shareId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1 class=\"name\">Quarterly sales</h1>", page.Text, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">region</th>", page.Text, StringComparison.Ordinal);
        Assert.Contains("<td>north</td>", page.Text, StringComparison.Ordinal);
        Assert.Equal(2, page.Text.Split("class=\"chart-bar\"").Length - 1);
    }

    [Fact]
    public async Task SharedDashboard_IsAGridOfItsReports()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var dashboard = await admin.CreateDashboardAsync(await admin.CreateReportAsync("Revenue", SalesData), await admin.CreateReportAsync("Costs"));

        var page = await visitor.GetAsync($"/share/dashboard/{await admin.ShareDashboardAsync(dashboard)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(2, page.Text.Split("<section class=\"tile\"").Length - 1);
        Assert.Contains("<h2>Revenue</h2>", page.Text, StringComparison.Ordinal);
        Assert.Contains("<h2>Costs</h2>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharingSwitchedOff_Answers403WithAPageSayingSo_AndTheSameUrlWorksWhenBackOn()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/share/report/{await admin.ShareReportAsync(await admin.CreateReportAsync("Quarterly sales", SalesData))}";

        await admin.DisableSharingAsync();
        var off = await visitor.GetAsync(url);
        await admin.EnableSharingAsync();
        var on = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, off.Status);
        Assert.Contains("Sharing is switched off", off.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarterly sales", off.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, on.Status);
    }

    [Fact]
    public async Task RevokedOrUnknownShare_Answers404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
        await admin.DeleteAsync($"/api/share/report/{shareId}");

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/share/report/{shareId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/share/report/{new string('x', 32)}")).Status);
    }

    [Fact]
    public async Task ReportShareKey_DoesNotOpenItAsADashboard()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/share/dashboard/{shareId}")).Status);
    }

    [Fact]
    public async Task ReportNames_AreEncoded()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync("<script>alert(1)</script>", new { rows = new[] { new object[] { "<b>x</b>", 1 }, new object[] { "y", 2 } } }));

        var page = (await visitor.GetAsync($"/share/report/{shareId}")).Text;

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharePages_KeepTheKeyPrivate_AndLoadNothingFromElsewhere()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        using var response = await visitor.Http.GetAsync($"/share/report/{shareId}", TestContext.Current.CancellationToken);

        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
