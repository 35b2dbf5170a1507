using System.Net;
using Microsoft.AspNetCore.Http;
using Sharekeep.Core.Resources;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>/api/v1/reports and /api/v1/dashboards.</summary>
public sealed class ResourceApiTests
{
    [Fact]
    public async Task CreateReport_Returns201WithIdAndLocation_AndGetReturnsIt()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var created = await admin.PostAsync("/api/v1/reports", new { name = "Churn", data = new[] { 1, 2, 3 } });
        var id = created.Body.GetProperty("id").GetGuid();
        var fetched = await admin.GetAsync($"/api/v1/reports/{id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal($"/api/v1/reports/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Churn", fetched.Body.GetProperty("name").GetString());
        Assert.Equal(3, fetched.Body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task ListReports_ReturnsEveryReport()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var a = await admin.CreateReportAsync("A");
        var b = await admin.CreateReportAsync("B");

        var list = await admin.GetAsync("/api/v1/reports");

        Assert.Equal([a, b], list.Body.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task DeleteReport_Returns204_ThenGetReturns404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var id = await admin.CreateReportAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/reports/{id}")).Status);
        var answer = await admin.GetAsync($"/api/v1/reports/{id}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(StatusCodes.Status404NotFound, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/reports/{id}")).Status);
    }

    [Fact]
    public async Task DeleteReport_RemovesItFromDashboardsAndDeletesItsShares()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var kept = await admin.CreateReportAsync("Kept");
        var deleted = await admin.CreateReportAsync("Deleted");
        var dashboardId = await admin.CreateDashboardAsync(deleted, kept);
        await admin.ShareReportAsync(deleted);

        await admin.DeleteAsync($"/api/v1/reports/{deleted}");
        var dashboard = await admin.GetAsync($"/api/v1/dashboards/{dashboardId}");

        Assert.Equal([kept], dashboard.Body.GetProperty("reportIds").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Empty((await admin.GetAsync("/api/v1/shares?includeRevoked=true")).Body.EnumerateArray());
    }

    [Fact]
    public async Task CreateDashboard_Returns201_AndGetReturnsItsReportsInOrder()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var a = await admin.CreateReportAsync("A");
        var b = await admin.CreateReportAsync("B");

        var id = await admin.CreateDashboardAsync(b, a);
        var fetched = await admin.GetAsync($"/api/v1/dashboards/{id}");

        Assert.Equal([b, a], fetched.Body.GetProperty("reportIds").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Single((await admin.GetAsync("/api/v1/dashboards")).Body.EnumerateArray());
    }

    [Fact]
    public async Task DeleteDashboard_KeepsItsReportsAndDeletesItsShares()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        var dashboardId = await admin.CreateDashboardAsync(reportId);
        await admin.ShareDashboardAsync(dashboardId);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/dashboards/{dashboardId}")).Status);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/reports/{reportId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/dashboards/{dashboardId}")).Status);
        Assert.Empty((await admin.GetAsync("/api/v1/shares?includeRevoked=true")).Body.EnumerateArray());
    }

    [Fact]
    public async Task CreateDashboard_WithUnknownReport_Returns400AndCreatesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var unknown = Guid.NewGuid();

        var answer = await admin.PostAsync("/api/v1/dashboards", new { name = "D", reportIds = new[] { await admin.CreateReportAsync(), unknown } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(unknown.ToString(), answer.Body.GetProperty("errors").GetProperty("reportIds")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync("/api/v1/dashboards")).Body.EnumerateArray());
    }

    [Fact]
    public async Task CreateDashboard_WithARepeatedReport_Returns400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();

        var answer = await admin.PostAsync("/api/v1/dashboards", new { name = "D", reportIds = new[] { reportId, reportId } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Theory]
    [InlineData("{\"data\": 1}")]
    [InlineData("{\"name\": \"   \"}")]
    [InlineData("{\"name\": null}")]
    public async Task CreateReport_WithoutAName_Returns400ValidationProblemAndCreatesNothing(string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/v1/reports", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders.ContentType?.MediaType);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Empty((await admin.GetAsync("/api/v1/reports")).Body.EnumerateArray());
    }

    [Fact]
    public async Task CreateReport_WithDataNestedPastTheLimit_Returns400_AndTheReportsStillList()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var tooDeep = new string('[', ResourceRules.MaxDataDepth + 1) + new string(']', ResourceRules.MaxDataDepth + 1);

        var answer = await admin.PostRawAsync("/api/v1/reports", $"{{\"name\":\"deep\",\"data\":{tooDeep}}}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty("data", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/reports")).Status);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("[\"a\\ud83d\"]")]
    public async Task CreateReport_WithDataHoldingALoneSurrogate_Returns400_AndTheReportsStillList(string data)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/v1/reports", $"{{\"name\":\"broken text\",\"data\":{data}}}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty("data", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/reports")).Status);
    }

    [Fact]
    public async Task CreateReport_WithALoneSurrogateInAPropertyName_Returns400_AndTheReportsStillList()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        // Names are compared to refuse one given twice, so a broken name fails the body as a whole, before "data" is read.
        var answer = await admin.PostRawAsync("/api/v1/reports", "{\"name\":\"broken text\",\"data\":{\"\\udfff\":1}}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/reports")).Status);
    }

    [Fact]
    public async Task CreateReport_WithDataNestedToTheLimit_IsServedByEveryReader()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var deepest = new string('[', ResourceRules.MaxDataDepth) + new string(']', ResourceRules.MaxDataDepth);
        var created = await admin.PostRawAsync("/api/v1/reports", $"{{\"name\":\"deep\",\"data\":{deepest}}}");
        var id = created.Body.GetProperty("id").GetGuid();
        var share = await admin.ShareReportAsync(id);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/reports")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/reports/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/external/share/report/{share}/evaluate")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/share/report/{share}")).Status);
    }

    [Fact]
    public async Task CreateReport_WithATooLongName_Returns400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/reports", new { name = new string('x', 201), data = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }
}
