using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Per-link activity: what visitors' requests count, once flushed, as GET /api/v1/links/{id}/activity answers it.</summary>
public sealed class LinkActivityTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private SharekeepApplication _app = null!;
    private SharekeepClient _admin = null!;
    private SharekeepClient _visitor = null!;

    public async ValueTask InitializeAsync()
    {
        _app = Started(new Dictionary<string, string?> { ["Sharekeep:Passwords:RefusalDelayMilliseconds"] = "0", ["Sharekeep:Activity:MaxVisitorsPerLinkDay"] = "3" });
        _admin = _app.Admin();
        _visitor = _app.Visitor();
        await Task.CompletedTask;
    }

    private SharekeepApplication Started(Dictionary<string, string?> settings, string? directory = null) =>
        new(directory, settings, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            TestPeerAddress.AddTo(services);
        });

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _visitor.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<JsonElement> ActivityAsync(string id, string query = "")
    {
        var answer = await _admin.GetAsync($"/api/v1/links/{id}/activity{query}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body;
    }

    private static long Total(JsonElement activity, string name) => activity.GetProperty("totals").GetProperty(name).GetInt64();

    private async Task VisitAsync(string path, string? userAgent = ActivityHarness.Firefox, string peer = "203.0.113.7", HttpStatusCode expected = HttpStatusCode.OK) =>
        Assert.Equal(expected, (await _visitor.SendAsync(ActivityHarness.Get(path, userAgent, peer))).Status);

    [Fact]
    public async Task ReportPageViews_AppearAfterAFlush_WithDistinctVisitorsOfTheDay()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        await VisitAsync($"/share/report/{key}");
        await VisitAsync($"/share/report/{key}");
        await VisitAsync($"/share/report/{key}", peer: "198.51.100.9");
        Assert.Equal(0, Total(await ActivityAsync(key), "views"));

        await ActivityHarness.FlushAsync(_app);

        var activity = await ActivityAsync(key);
        Assert.Equal("report", activity.GetProperty("kind").GetString());
        Assert.Equal(3, Total(activity, "views"));
        Assert.Equal(2, Total(activity, "visitors"));
        var today = activity.GetProperty("series").EnumerateArray().Last();
        Assert.Equal("2026-12-02", today.GetProperty("day").GetString());
        Assert.Equal(3, today.GetProperty("views").GetInt64());
        Assert.Equal(_clock.GetUtcNow(), today.GetProperty("lastAccess").GetDateTimeOffset());
    }

    [Fact]
    public async Task Evaluations_AreViews_ButADashboardsTilesAreNotCountedAgain()
    {
        var report = await _admin.CreateReportAsync();
        var key = await _admin.ShareDashboardAsync(await _admin.CreateDashboardAsync(report));
        await VisitAsync($"/api/external/share/dashboard/{key}/evaluate");
        await VisitAsync($"/api/external/share/dashboard/{key}/report/{report}/evaluate");

        await ActivityHarness.FlushAsync(_app);

        var activity = await ActivityAsync(key);
        Assert.Equal("dashboard", activity.GetProperty("kind").GetString());
        Assert.Equal(1, Total(activity, "views"));
    }

    [Fact]
    public async Task Previews_AreCountedApart_NeverAsViews()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        await VisitAsync($"/share/report/{key}", userAgent: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)");
        await VisitAsync($"/share/report/{key}", userAgent: "facebookexternalhit/1.1");
        var prefetch = ActivityHarness.Get($"/share/report/{key}");
        prefetch.Headers.TryAddWithoutValidation("Sec-Purpose", "prefetch");
        Assert.Equal(HttpStatusCode.OK, (await _visitor.SendAsync(prefetch)).Status);

        await ActivityHarness.FlushAsync(_app);

        var activity = await ActivityAsync(key);
        Assert.Equal(0, Total(activity, "views"));
        Assert.Equal(3, Total(activity, "previews"));
        Assert.Equal(0, Total(activity, "visitors"));
        Assert.Equal(JsonValueKind.Null, activity.GetProperty("totals").GetProperty("lastAccess").ValueKind);
    }

    [Fact]
    public async Task AFileLinksPage_InfoAndBytes_AreViewsAndDownloads_ARangeContinuationAPreview()
    {
        var fileId = await _admin.UploadFileAsync("notes.txt", new string('x', 4096));
        var link = await _admin.SetLinkAsync(fileId, new { title = "for tests" });
        var key = link.GetProperty("requestToken").GetString()!;
        var id = link.GetProperty("id").GetString()!;
        await VisitAsync($"/s/{key}");
        await VisitAsync($"/api/2.0/files/share/{key}");
        await VisitAsync($"/s/{key}/content");
        await VisitAsync($"/s/{key}/content?disposition=inline");
        var continuation = ActivityHarness.Get($"/s/{key}/content");
        continuation.Headers.Range = new RangeHeaderValue(1024, null);
        Assert.Equal(HttpStatusCode.PartialContent, (await _visitor.SendAsync(continuation)).Status);

        await ActivityHarness.FlushAsync(_app);

        var activity = await ActivityAsync(id);
        Assert.Equal("file", activity.GetProperty("kind").GetString());
        Assert.Equal((2, 1, 1), (Total(activity, "views"), Total(activity, "downloads"), Total(activity, "previews")));
    }

    [Fact]
    public async Task WrongPasswords_AndTheLockoutTheyCause_AreCounted()
    {
        var fileId = await _admin.UploadFileAsync();
        var link = await _admin.SetLinkAsync(fileId, new { title = "locked", password = "correct horse battery" });
        var key = link.GetProperty("requestToken").GetString()!;
        for (var i = 0; i < 6; i++)
        {
            var wrong = new HttpRequestMessage(HttpMethod.Post, $"/api/2.0/files/share/{key}/password")
            {
                Content = JsonContent(new { password = "wrong" }),
            };
            wrong.Headers.TryAddWithoutValidation(TestPeerAddress.Header, "203.0.113.7");
            await _visitor.SendAsync(wrong);
        }

        await ActivityHarness.FlushAsync(_app);

        var activity = await ActivityAsync(link.GetProperty("id").GetString()!);
        Assert.Equal(5, Total(activity, "passwordFailures"));
        Assert.Equal(1, Total(activity, "lockouts"));
        Assert.Equal(0, Total(activity, "views"));
    }

    [Fact]
    public async Task VisitorsOfALinkDay_AreStoredUpToTheLimit_AndReportedAsAtLeast()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        for (var i = 0; i < 10; i++)
        {
            await VisitAsync($"/share/report/{key}", peer: $"198.51.100.{i + 1}");
        }
        await ActivityHarness.FlushAsync(_app);
        await VisitAsync($"/share/report/{key}", peer: "192.0.2.1");
        await ActivityHarness.FlushAsync(_app);

        var activity = await ActivityAsync(key);
        Assert.Equal(11, Total(activity, "views"));
        Assert.Equal(3, Total(activity, "visitors"));
        Assert.True(activity.GetProperty("visitorsAtLeast").GetBoolean());
        Assert.Equal(3, await ActivityHarness.CountRowsAsync(_app, "LinkVisitors"));
    }

    [Fact]
    public async Task TheDatabase_HoldsNoClientAddressNorUserAgent()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        await VisitAsync($"/share/report/{key}", userAgent: "Distinctive-Agent/7.7", peer: "203.0.113.77");
        await ActivityHarness.FlushAsync(_app);
        Assert.Equal(1, await ActivityHarness.CountRowsAsync(_app, "LinkVisitors"));

        var values = await ActivityHarness.EveryStoredValueAsync(_app);

        Assert.DoesNotContain(values, v => v.Contains("203.0.113.77", StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains("Distinctive-Agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRetentionSweep_DeletesDaysPastTheRetention_AndEndedDaysSaltsAndHashes()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        await VisitAsync($"/share/report/{key}");
        await ActivityHarness.FlushAsync(_app);
        _clock.Advance(TimeSpan.FromDays(2));
        await ActivityHarness.SweepAsync(_app);
        Assert.Equal(0, await ActivityHarness.CountRowsAsync(_app, "LinkVisitors"));
        Assert.Equal(1, Total(await ActivityAsync(key, "?days=90"), "views"));

        _clock.Advance(TimeSpan.FromDays(88));
        await ActivityHarness.SweepAsync(_app);

        Assert.Equal(0, await ActivityHarness.CountRowsAsync(_app, "LinkActivity"));
        Assert.Equal(2, await ActivityHarness.CountRowsAsync(_app, "ActivitySalts"));
    }

    [Fact]
    public async Task TheFirstAccess_IsTheLinksFirstEver_AfterItsDaysAreSwept()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        var first = _clock.GetUtcNow();
        await VisitAsync($"/share/report/{key}");
        await ActivityHarness.FlushAsync(_app);
        _clock.Advance(TimeSpan.FromDays(100));
        await ActivityHarness.SweepAsync(_app);
        await VisitAsync($"/share/report/{key}");
        await ActivityHarness.FlushAsync(_app);

        var totals = (await ActivityAsync(key, "?days=90")).GetProperty("totals");

        Assert.Equal(1, totals.GetProperty("views").GetInt64());
        Assert.Equal(first, totals.GetProperty("firstAccess").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheFirstFlushWithAView_NamesTheLink_LaterOnesDoNot()
    {
        // The receiver is never reached: the flush's answer says which links were new.
        await Webhooks.Webhooks.RegisterAsync(_admin, "https://receiver.example/hooks", "link.first_view");
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        await VisitAsync($"/share/report/{key}", userAgent: "Twitterbot/1.0");
        Assert.Empty(await ActivityHarness.FlushAsync(_app));
        await VisitAsync($"/share/report/{key}");

        Assert.Equal(key, Assert.Single(await ActivityHarness.FlushAsync(_app)).Id);
        await VisitAsync($"/share/report/{key}");
        Assert.Empty(await ActivityHarness.FlushAsync(_app));
    }

    [Fact]
    public async Task WhatWasCounted_IsWrittenWhenTheServerStops()
    {
        var directory = TempDirectory.Create();
        try
        {
            string key;
            await using (var first = Started([], directory))
            {
                using var admin = first.Admin();
                using var visitor = first.Visitor();
                key = await admin.ShareReportAsync(await admin.CreateReportAsync());
                Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(ActivityHarness.Get($"/share/report/{key}"))).Status);
                // What the host does on a graceful stop (SIGTERM); the test factory's own disposal stops services too late to write.
                var flusher = first.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Hosting.ActivityFlushService>().Single();
                await flusher.StopAsync(TestContext.Current.CancellationToken);
            }
            await using var second = Started([], directory);
            using var secondAdmin = second.Admin();

            var answer = await secondAdmin.GetAsync($"/api/v1/links/{key}/activity");

            Assert.Equal(1, answer.Body.GetProperty("totals").GetProperty("views").GetInt64());
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task TheInventory_SummarisesEachLinksViewsAndLastAccess()
    {
        var viewed = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        var unseen = await _admin.ShareReportAsync(await _admin.CreateReportAsync("Unseen"));
        await VisitAsync($"/share/report/{viewed}");
        await VisitAsync($"/share/report/{viewed}");
        await ActivityHarness.FlushAsync(_app);

        var links = (await _admin.GetAsync("/api/v1/links")).Body.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);

        Assert.Equal(2, links[viewed].GetProperty("views").GetInt64());
        Assert.Equal(_clock.GetUtcNow(), links[viewed].GetProperty("lastAccess").GetDateTimeOffset());
        Assert.Equal(0, links[unseen].GetProperty("views").GetInt64());
        Assert.False(links[unseen].TryGetProperty("lastAccess", out _));
    }

    [Fact]
    public async Task TheSeries_HasEveryDayAskedFor_TodayLast()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());

        var series = (await ActivityAsync(key, "?days=7")).GetProperty("series").EnumerateArray().Select(d => d.GetProperty("day").GetString()).ToList();

        Assert.Equal(["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"], series);
    }

    [Fact]
    public async Task AnUnknownLink_Is404ProblemDetails()
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "no-such-key" })
        {
            var answer = await _admin.GetAsync($"/api/v1/links/{id}/activity");
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal(404, answer.Body.GetProperty("status").GetInt32());
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("seven")]
    [InlineData("-1")]
    [InlineData("")]
    public async Task BadDays_Is400ProblemDetails(string days)
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());

        var answer = await _admin.GetAsync($"/api/v1/links/{key}/activity?days={days}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("days", answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_NeedsTheSecretOrAKey()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await _visitor.GetAsync($"/api/v1/links/{key}/activity")).Status);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
