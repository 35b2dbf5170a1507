using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Per-link activity against visitors without any secret and odd questions to its API and page: what is counted
/// stays bounded, the requests are answered as ever, and every refusal is a 4xx with a problem body.
/// </summary>
public sealed class LinkActivityHostileInputTests : IAsyncLifetime
{
    private SharekeepApplication _app = null!;
    private SharekeepClient _admin = null!;
    private SharekeepClient _visitor = null!;

    public ValueTask InitializeAsync()
    {
        _app = new SharekeepApplication(
            settings: new Dictionary<string, string?>
            {
                ["Sharekeep:Activity:MaxPendingLinkDays"] = "2",
                ["Sharekeep:Activity:MaxVisitorsPerLinkDay"] = "5",
                // Only the tests flush: a background flush between two visits would empty the bounded buffer.
                ["Sharekeep:Activity:FlushSeconds"] = "3600",
            },
            services: TestPeerAddress.AddTo);
        _admin = _app.Admin();
        _visitor = _app.Visitor();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _visitor.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<long> TotalAsync(string key, string name)
    {
        var answer = await _admin.GetAsync($"/api/v1/links/{key}/activity");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("totals").GetProperty(name).GetInt64();
    }

    [Fact]
    public async Task ForwardedForHeaders_WithoutAConfiguredProxy_MakeNoNewVisitors()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        for (var i = 0; i < 4; i++)
        {
            var request = ActivityHarness.Get($"/share/report/{key}", peer: "203.0.113.7");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"198.51.100.{i + 1}");
            Assert.Equal(HttpStatusCode.OK, (await _visitor.SendAsync(request)).Status);
        }

        await ActivityHarness.FlushAsync(_app);

        Assert.Equal(4, await TotalAsync(key, "views"));
        Assert.Equal(1, await TotalAsync(key, "visitors"));
    }

    [Fact]
    public async Task ManyUserAgentsAndHugeOnes_CountTheirViews_ButNoMoreVisitorsThanTheDaysLimit()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        for (var i = 0; i < 20; i++)
        {
            var agent = i % 2 == 0 ? $"Mozilla/5.0 agent-{i}" : $"Mozilla/5.0 {i}" + new string('u', 16 * 1024);
            Assert.Equal(HttpStatusCode.OK, (await _visitor.SendAsync(ActivityHarness.Get($"/share/report/{key}", agent, "203.0.113.7"))).Status);
        }

        await ActivityHarness.FlushAsync(_app);

        Assert.Equal(20, await TotalAsync(key, "views"));
        Assert.Equal(5, await TotalAsync(key, "visitors"));
        Assert.Equal(5, await ActivityHarness.CountRowsAsync(_app, "LinkVisitors"));
    }

    [Fact]
    public async Task LinksBeyondThePendingBound_AreStillServed_TheirCountsDropped()
    {
        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            keys.Add(await _admin.ShareReportAsync(await _admin.CreateReportAsync($"Report {i}")));
        }

        foreach (var key in keys)
        {
            Assert.Equal(HttpStatusCode.OK, (await _visitor.SendAsync(ActivityHarness.Get($"/share/report/{key}"))).Status);
        }
        await ActivityHarness.FlushAsync(_app);

        var views = new List<long>();
        foreach (var key in keys)
        {
            views.Add(await TotalAsync(key, "views"));
        }
        Assert.Equal([1, 1, 0], views);
    }

    [Theory]
    [InlineData("?days=1&days=2")]
    [InlineData("?days=%2B5")]
    [InlineData("?days=%205")]
    [InlineData("?days=1e1")]
    [InlineData("?days=2147483648")]
    [InlineData("?days=99999999999999999999")]
    [InlineData("?days=%D9%A3")]
    [InlineData("?days=0x10")]
    public async Task OddDays_Answer400WithAProblem(string query)
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());

        var answer = await _admin.GetAsync($"/api/v1/links/{key}/activity{query}");

        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.Text);
        Assert.Equal(400, answer.Body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("%E2%80%AE")]
    [InlineData("%F0%9F%98%80")]
    [InlineData("..")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{00000000-0000-0000-0000-000000000000}")]
    public async Task OddIds_Answer404WithAProblem(string id)
    {
        var answer = await _admin.GetAsync($"/api/v1/links/{id}/activity");

        Assert.True(answer.Status == HttpStatusCode.NotFound, answer.Text);
        Assert.Equal(404, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AHugeId_Answers4xxWithAProblem()
    {
        var answer = await _admin.GetAsync($"/api/v1/links/{new string('k', 4000)}/activity");

        Assert.InRange((int)answer.Status, 400, 499);
        Assert.Equal((int)answer.Status, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ARevokedLink_KeepsItsActivity()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        await _visitor.SendAsync(ActivityHarness.Get($"/share/report/{key}"));
        await ActivityHarness.FlushAsync(_app);

        Assert.True((await _admin.DeleteAsync($"/api/share/report/{key}")).Status is HttpStatusCode.NoContent or HttpStatusCode.OK);

        Assert.Equal(1, await TotalAsync(key, "views"));
    }

    [Theory]
    [InlineData("%F0%9F%98%80")]
    public async Task TheConsolePage_ForAnOddId_Is404WithAPage(string id)
    {
        using var browser = _app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);

        var answer = await browser.GetAsync($"/admin/links/{id}/activity");

        Assert.True(answer.Status == HttpStatusCode.NotFound, answer.Text);
    }
}
