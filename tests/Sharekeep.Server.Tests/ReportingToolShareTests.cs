using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>POST and DELETE under /api/share, in the reporting tool's shapes.</summary>
public sealed class ReportingToolShareTests
{
    [Fact]
    public async Task ShareReport_Returns200WithAnUnguessableUrlSafeId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/share/report", new { reportId = await admin.CreateReportAsync() });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var id = answer.Body.GetProperty("id").GetString()!;
        Assert.Equal(32, id.Length);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    [Fact]
    public async Task ShareReport_Twice_ReturnsTheSameShareId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();

        Assert.Equal(await admin.ShareReportAsync(reportId), await admin.ShareReportAsync(reportId));
    }

    [Fact]
    public async Task ShareReport_ConcurrentlyFromManyClients_ReturnsOneShareId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => admin.ShareReportAsync(reportId)));

        Assert.Single(ids.Distinct());
        Assert.Single((await admin.GetAsync("/api/v1/shares")).Body.EnumerateArray());
    }

    [Fact]
    public async Task ShareDashboard_Twice_ReturnsTheSameShareId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var dashboardId = await admin.CreateDashboardAsync(await admin.CreateReportAsync());

        Assert.Equal(await admin.ShareDashboardAsync(dashboardId), await admin.ShareDashboardAsync(dashboardId));
    }

    [Fact]
    public async Task ShareReport_AndItsDashboard_GetDifferentShareIds()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();

        Assert.NotEqual(await admin.ShareReportAsync(reportId), await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(reportId)));
    }

    [Theory]
    [InlineData("/api/share/report", "reportId")]
    [InlineData("/api/share/dashboard", "dashboardId")]
    public async Task Share_WhileSharingIsDisabled_Returns400SharingNotAllowedAndCreatesNothing(string path, string field)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        var id = field == "reportId" ? reportId : await admin.CreateDashboardAsync(reportId);
        await admin.DisableSharingAsync();

        var answer = await admin.PostAsync(path, new Dictionary<string, object> { [field] = id });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("sharingNotAllowed", answer.ErrorCode);
        Assert.Empty((await admin.GetAsync("/api/v1/shares")).Body.EnumerateArray());
    }

    [Theory]
    [InlineData("/api/share/report", "reportId")]
    [InlineData("/api/share/dashboard", "dashboardId")]
    public async Task Share_OfUnknownResource_Returns404NotFoundError(string path, string field)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var unknown = await admin.PostAsync(path, new Dictionary<string, object> { [field] = Guid.NewGuid() });
        var notAnId = await admin.PostAsync(path, new Dictionary<string, object> { [field] = "no-such-thing" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("notFoundError", unknown.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.Status);
    }

    [Fact]
    public async Task ShareReport_WithADashboardId_Returns404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var dashboardId = await admin.CreateDashboardAsync(await admin.CreateReportAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/share/report", new { reportId = dashboardId })).Status);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reportId\": \"\"}")]
    [InlineData("{\"reportId\": 42}")]
    [InlineData("{\"reportId\": ")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task ShareReport_WithBadBody_Returns400InTheReportingToolEnvelope(string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.CreateReportAsync();

        var answer = await admin.PostRawAsync("/api/share/report", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("badRequestError", answer.ErrorCode);
        Assert.Empty((await admin.GetAsync("/api/v1/shares")).Body.EnumerateArray());
    }

    [Fact]
    public async Task DeleteReportShare_Returns204AndTheUrlStopsWorking()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        var answer = await admin.DeleteAsync($"/api/share/report/{shareId}");

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
    }

    [Fact]
    public async Task DeleteDashboardShare_Returns204AndTheUrlStopsWorking()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(await admin.CreateReportAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/dashboard/{shareId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/dashboard/{shareId}/evaluate")).Status);
    }

    [Fact]
    public async Task DeleteShare_Unknown_Returns404NotFoundError()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.DeleteAsync("/api/share/report/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("notFoundError", answer.ErrorCode);
    }

    [Fact]
    public async Task DeleteShare_Twice_Returns404TheSecondTime()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await admin.DeleteAsync($"/api/share/report/{shareId}");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/share/report/{shareId}")).Status);
    }

    [Fact]
    public async Task DeleteReportShare_WithADashboardShareId_Returns404AndKeepsTheShare()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(await admin.CreateReportAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/share/report/{shareId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/dashboard/{shareId}/evaluate")).Status);
    }

    [Fact]
    public async Task DeleteShare_WhileSharingIsDisabled_StillRevokes()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
        await admin.DisableSharingAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{shareId}")).Status);
        await admin.EnableSharingAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
    }

    [Fact]
    public async Task ShareReport_AfterRevoke_ReturnsANewShareId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        var first = await admin.ShareReportAsync(reportId);
        await admin.DeleteAsync($"/api/share/report/{first}");

        Assert.NotEqual(first, await admin.ShareReportAsync(reportId));
    }
}
