using System.Net;
using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// GET /api/share/report|dashboard/{id} and POST /api/share/status: which resources have a share, as the
/// reporting tool asks it. Its answer for "no share" is 204 with no body, and its status map says false for
/// every id it does not know.
/// </summary>
public sealed class ReportingToolShareReadTests
{
    [Fact]
    public async Task GetReportShare_OfASharedReport_Returns200WithTheShareIdAndTheReportId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        var shareId = await admin.ShareReportAsync(reportId);

        var answer = await admin.GetAsync($"/api/share/report/{reportId}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(shareId, answer.Body.GetProperty("id").GetString());
        Assert.Equal(reportId, answer.Body.GetProperty("reportId").GetGuid());
    }

    [Fact]
    public async Task GetDashboardShare_OfASharedDashboard_Returns200WithTheShareIdAndTheDashboardId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var dashboardId = await admin.CreateDashboardAsync(await admin.CreateReportAsync());
        var shareId = await admin.ShareDashboardAsync(dashboardId);

        var answer = await admin.GetAsync($"/api/share/dashboard/{dashboardId}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(shareId, answer.Body.GetProperty("id").GetString());
        Assert.Equal(dashboardId, answer.Body.GetProperty("dashboardId").GetGuid());
    }

    [Fact]
    public async Task GetReportShare_OfAnUnsharedReport_Returns204WithNoBody()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();

        var answer = await admin.GetAsync($"/api/share/report/{reportId}");

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal("", answer.Text);
    }

    [Fact]
    public async Task GetReportShare_AfterTheShareIsRevoked_Returns204()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        var shareId = await admin.ShareReportAsync(reportId);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{shareId}")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.GetAsync($"/api/share/report/{reportId}")).Status);
    }

    [Fact]
    public async Task GetDashboardShare_AfterTheShareIsRevoked_Returns204()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var dashboardId = await admin.CreateDashboardAsync(await admin.CreateReportAsync());
        var shareId = await admin.ShareDashboardAsync(dashboardId);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/dashboard/{shareId}")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.GetAsync($"/api/share/dashboard/{dashboardId}")).Status);
    }

    [Theory]
    [InlineData("/api/share/report/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/api/share/report/no-such-report")]
    [InlineData("/api/share/dashboard/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/api/share/dashboard/no-such-dashboard")]
    public async Task GetShare_OfAnUnknownId_Returns204(string path)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.GetAsync(path)).Status);
    }

    [Fact]
    public async Task GetReportShare_WithTheIdOfASharedDashboard_Returns204()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var dashboardId = await admin.CreateDashboardAsync(await admin.CreateReportAsync());
        await admin.ShareDashboardAsync(dashboardId);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.GetAsync($"/api/share/report/{dashboardId}")).Status);
    }

    [Fact]
    public async Task GetReportShare_WhileSharingIsDisabled_StillReturnsTheShare()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        var shareId = await admin.ShareReportAsync(reportId);
        await admin.DisableSharingAsync();

        var answer = await admin.GetAsync($"/api/share/report/{reportId}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(shareId, answer.Body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ShareStatus_ForAMix_IsTrueForActiveSharesAndFalseForEverythingElse()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var shared = await admin.CreateReportAsync();
        await admin.ShareReportAsync(shared);
        var unshared = await admin.CreateReportAsync();
        var revoked = await admin.CreateReportAsync();
        await admin.DeleteAsync($"/api/share/report/{await admin.ShareReportAsync(revoked)}");
        var dashboard = await admin.CreateDashboardAsync(shared);
        await admin.ShareDashboardAsync(dashboard);
        var unknown = Guid.NewGuid().ToString();

        var answer = await admin.PostAsync("/api/share/status", new
        {
            reports = new[] { shared.ToString(), unshared.ToString(), revoked.ToString(), unknown, "Not-A-Guid", dashboard.ToString() },
            dashboards = new[] { dashboard.ToString(), shared.ToString() },
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(
            new Dictionary<string, bool>
            {
                [shared.ToString()] = true,
                [unshared.ToString()] = false,
                [revoked.ToString()] = false,
                [unknown] = false,
                ["Not-A-Guid"] = false,
                [dashboard.ToString()] = false,
            },
            Map(answer.Body.GetProperty("reports")));
        Assert.Equal(
            new Dictionary<string, bool> { [dashboard.ToString()] = true, [shared.ToString()] = false },
            Map(answer.Body.GetProperty("dashboards")));
    }

    [Fact]
    public async Task ShareStatus_WhileSharingIsDisabled_StillReportsTheShares()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        await admin.ShareReportAsync(reportId);
        await admin.DisableSharingAsync();

        var answer = await admin.PostAsync("/api/share/status", new { reports = new[] { reportId.ToString() } });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Body.GetProperty("reports").GetProperty(reportId.ToString()).GetBoolean());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reports\": null, \"dashboards\": null}")]
    [InlineData("{\"reports\": [], \"dashboards\": []}")]
    [InlineData("null")]
    [InlineData("")]
    public async Task ShareStatus_WithNothingToLookUp_ReturnsTwoEmptyMaps(string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/share/status", body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Body.GetProperty("reports").EnumerateObject());
        Assert.Empty(answer.Body.GetProperty("dashboards").EnumerateObject());
    }

    [Theory]
    [InlineData("reports")]
    [InlineData("dashboards")]
    public async Task ShareStatus_WithMoreThan1000IdsInAList_Returns400SayingTheLimit(string field)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var ids = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var answer = await admin.PostAsync("/api/share/status", new Dictionary<string, object> { [field] = ids });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("badRequestError", answer.ErrorCode);
        Assert.Contains("1000", answer.Body.GetProperty("errorMessage").GetString());
        Assert.Contains(field, answer.Body.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task ShareStatus_With1000IdsInEachList_AsksTheDatabaseOnce()
    {
        var counter = new DatabaseCommandCounter();
        await using var app = new SharekeepApplication(services: counter.AddTo);
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        await admin.ShareReportAsync(reportId);
        var reports = Enumerable.Range(0, 999).Select(_ => Guid.NewGuid().ToString()).Append(reportId.ToString()).ToArray();
        var dashboards = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid().ToString()).ToArray();
        Answer? answer = null;

        // Other work (the change listener, sweeps) may send a command meanwhile: one quiet call is enough.
        var once = await Eventually.HoldsAsync(async () =>
        {
            var before = counter.Count;
            answer = await admin.PostAsync("/api/share/status", new { reports, dashboards });
            return counter.Count - before == 1;
        });

        Assert.True(once, "The status of 2000 ids took more than one database command.");
        Assert.Equal(HttpStatusCode.OK, answer!.Status);
        Assert.True(answer.Body.GetProperty("reports").GetProperty(reportId.ToString()).GetBoolean());
        Assert.Equal(1000, answer.Body.GetProperty("dashboards").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"reports\": ")]
    [InlineData("[]")]
    [InlineData("{\"reports\": [42]}")]
    [InlineData("{\"reports\": [null]}")]
    [InlineData("{\"dashboards\": [true]}")]
    [InlineData("{\"reports\": \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}")]
    [InlineData("{\"reports\": {\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\": true}}")]
    public async Task ShareStatus_WithABadBody_Returns400InTheReportingToolEnvelope(string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/share/status", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("badRequestError", answer.ErrorCode);
    }

    [Fact]
    public async Task ShareReads_WithAReadOnlyKey_AreAllowed()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();
        var shareId = await admin.ShareReportAsync(reportId);
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);

        var share = await reader.GetAsync($"/api/share/report/{reportId}");
        var status = await reader.PostAsync("/api/share/status", new { reports = new[] { reportId.ToString() } });

        Assert.Equal(HttpStatusCode.OK, share.Status);
        Assert.Equal(shareId, share.Body.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.True(status.Body.GetProperty("reports").GetProperty(reportId.ToString()).GetBoolean());
    }

    [Theory]
    [InlineData("GET", "/api/share/report/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("GET", "/api/share/dashboard/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("POST", "/api/share/status")]
    public async Task ShareReads_WithoutACredential_Return401NotAuthorizedError(string method, string path)
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{\"reports\": []}", System.Text.Encoding.UTF8, "application/json");
        }

        var answer = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("notAuthorizedError", answer.ErrorCode);
    }

    private static Dictionary<string, bool> Map(JsonElement map) =>
        map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetBoolean());
}
