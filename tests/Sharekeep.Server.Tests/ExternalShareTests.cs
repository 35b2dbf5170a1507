using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>/api/external/share: what a visitor without any secret sees through a share id.</summary>
public sealed class ExternalShareTests
{
    [Fact]
    public async Task EvaluateReport_ReturnsTheReportWithItsData()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var reportId = await admin.CreateReportAsync("Revenue", new { columns = new[] { "month", "eur" }, rows = new object[] { new object[] { "Jan", 10.5 } } });
        var shareId = await admin.ShareReportAsync(reportId);

        var answer = await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var definition = answer.Body.GetProperty("reportDefinition");
        Assert.Equal(reportId, definition.GetProperty("id").GetGuid());
        Assert.Equal("Revenue", definition.GetProperty("name").GetString());
        var data = answer.Body.GetProperty("result").GetProperty("data");
        Assert.Equal("eur", data.GetProperty("columns")[1].GetString());
        Assert.Equal(10.5, data.GetProperty("rows")[0][1].GetDouble());
    }

    [Fact]
    public async Task EvaluateReport_ByPost_ReturnsTheReport()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var reportId = await admin.CreateReportAsync("Revenue");
        var shareId = await admin.ShareReportAsync(reportId);

        // The reporting tool's later releases (3.x, 8.x) ask by POST, with paging in the query.
        var answer = await visitor.PostAsync($"/api/external/share/report/{shareId}/evaluate?offset=0&limit=20");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(reportId, answer.Body.GetProperty("reportDefinition").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task EvaluateDashboard_ReturnsTheDashboardWithItsReportsInOrder()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var second = await admin.CreateReportAsync("Second");
        var first = await admin.CreateReportAsync("First");
        var dashboardId = await admin.CreateDashboardAsync(first, second);
        var shareId = await admin.ShareDashboardAsync(dashboardId);

        var answer = await visitor.GetAsync($"/api/external/share/dashboard/{shareId}/evaluate");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(dashboardId, answer.Body.GetProperty("id").GetGuid());
        var tiles = answer.Body.GetProperty("tiles").EnumerateArray().ToList();
        Assert.Equal([first, second], tiles.Select(t => t.GetProperty("id").GetGuid()));
        Assert.Equal(["First", "Second"], tiles.Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task EvaluateDashboardReport_ForAReportOnTheDashboard_ReturnsIt()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var reportId = await admin.CreateReportAsync("On the dashboard");
        var shareId = await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(reportId));

        var get = await visitor.GetAsync($"/api/external/share/dashboard/{shareId}/report/{reportId}/evaluate");
        var post = await visitor.PostAsync($"/api/external/share/dashboard/{shareId}/report/{reportId}/evaluate");

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal("On the dashboard", get.Body.GetProperty("reportDefinition").GetProperty("name").GetString());
        Assert.Equal(get.Text, post.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EvaluateDashboardReport_ForAReportNotOnTheDashboard_Returns404(bool reportExists)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var elsewhere = reportExists ? (await admin.CreateReportAsync("Elsewhere")).ToString() : "not-a-report";
        var shareId = await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(await admin.CreateReportAsync()));

        var answer = await visitor.GetAsync($"/api/external/share/dashboard/{shareId}/report/{elsewhere}/evaluate");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("notFoundError", answer.ErrorCode);
    }

    [Theory]
    [InlineData("/api/external/share/report/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/evaluate")]
    [InlineData("/api/external/share/report/short/evaluate")]
    [InlineData("/api/external/share/dashboard/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/evaluate")]
    [InlineData("/api/external/share/dashboard/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/report/00000000-0000-0000-0000-000000000001/evaluate")]
    public async Task Evaluate_UnknownShare_Returns404NotFoundError(string path)
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var answer = await visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("notFoundError", answer.ErrorCode);
    }

    [Fact]
    public async Task EvaluateDashboard_WithAReportShareId_Returns404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/dashboard/{shareId}/evaluate")).Status);
    }

    [Fact]
    public async Task Evaluate_WhileSharingIsDisabled_Returns401EvenForUnknownShares()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        await admin.DisableSharingAsync();

        var answer = await visitor.GetAsync("/api/external/share/report/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/evaluate");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("notAuthorizedError", answer.ErrorCode);
    }

    [Fact]
    public async Task Evaluate_AfterTheReportIsDeleted_Returns404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var reportId = await admin.CreateReportAsync();
        var shareId = await admin.ShareReportAsync(reportId);

        await admin.DeleteAsync($"/api/v1/reports/{reportId}");

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
    }

    [Fact]
    public async Task Evaluate_IsNeverCachedAndSendsNoReferrer()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        var answer = await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate");

        Assert.True(answer.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
    }
}
