using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Server.Tests;

/// <summary>A warm share key is resolved from memory: policy, share record and resource without a database query.</summary>
public sealed class HotPathTests
{
    [Fact]
    public async Task WarmReportShare_IsEvaluatedWithoutADatabaseQuery()
    {
        await using var counted = await StartedAsync();
        var app = counted.App;
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/api/external/share/report/{await admin.ShareReportAsync(await admin.CreateReportAsync())}/evaluate";
        await WarmAsync(counted, () => visitor.GetAsync(url));

        var before = counted.Counter.Count;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);
        }

        Assert.Equal(before, counted.Counter.Count);
    }

    [Fact]
    public async Task WarmDashboardShare_IsEvaluatedWithoutADatabaseQuery()
    {
        await using var counted = await StartedAsync();
        var app = counted.App;
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var dashboard = await admin.CreateDashboardAsync(await admin.CreateReportAsync(), await admin.CreateReportAsync("Second"));
        var url = $"/api/external/share/dashboard/{await admin.ShareDashboardAsync(dashboard)}/evaluate";
        await WarmAsync(counted, () => visitor.GetAsync(url));

        var before = counted.Counter.Count;
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        Assert.Equal(before, counted.Counter.Count);
    }

    [Fact]
    public async Task WarmFileLink_IsResolvedWithoutADatabaseQuery()
    {
        await using var counted = await StartedAsync();
        var app = counted.App;
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync();
        await WarmAsync(counted, async () =>
        {
            Assert.Equal(ExternalShareStatus.Ok, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{key}/content")).Status);
        });

        var before = counted.Counter.Count;
        Assert.Equal(ExternalShareStatus.Ok, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{key}/content")).Status);

        Assert.Equal(before, counted.Counter.Count);
    }

    [Fact]
    public async Task UnknownKey_AskedTwice_ReachesTheDatabaseOnce()
    {
        await using var counted = await StartedAsync();
        var app = counted.App;
        using var visitor = app.Visitor();
        var url = $"/api/external/share/report/{new string('A', 32)}/evaluate";
        var before = counted.Counter.Count;

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);
        var afterFirst = counted.Counter.Count;
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);

        Assert.True(afterFirst > before);
        Assert.Equal(afterFirst, counted.Counter.Count);
    }

    [Fact]
    public async Task RevokedWarmShare_IsGoneAtOnceOnTheSameInstance()
    {
        await using var counted = await StartedAsync();
        var app = counted.App;
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
        var url = $"/api/external/share/report/{shareId}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{shareId}")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);
    }

    [Fact]
    public async Task Healthz_SaysDegradedWhileTheCacheIsSuspended()
    {
        await using var counted = await StartedAsync();
        using var visitor = counted.App.Visitor();
        var cache = counted.App.Services.GetRequiredService<StorageCache>();

        cache.Suspend();
        var suspended = await visitor.GetAsync("/healthz");
        cache.Resume();
        var resumed = await visitor.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, suspended.Status);
        Assert.Equal("Degraded", suspended.Text);
        Assert.Equal("Healthy", resumed.Text);
    }

    /// <summary>
    /// Repeats <paramref name="request"/> until one needs no database query (bounded). On PostgreSQL an instance
    /// also hears its own writes announced, a moment after it made them, and drops those records once more.
    /// </summary>
    private static async Task WarmAsync(CountedApplication counted, Func<Task> request) =>
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var before = counted.Counter.Count;
            await request();
            return counted.Counter.Count == before;
        }));

    /// <summary>An application whose database commands are counted; on PostgreSQL, ready once its change listener is.</summary>
    private static async Task<CountedApplication> StartedAsync()
    {
        var counter = new DatabaseCommandCounter();
        // Visitors' requests are counted in memory; the flush that writes them is background work, not the request's,
        // and is kept out of the counted window here (it would run every few seconds otherwise).
        var app = new SharekeepApplication(
            settings: new Dictionary<string, string?>
            {
                ["Sharekeep:Activity:FlushSeconds"] = "3600",
                // The webhook deliverer asks the outbox once a second: not a visitor's query, kept out of the count.
                ["Sharekeep:Webhooks:PollIntervalMilliseconds"] = "60000",
            },
            services: counter.AddTo);
        var cache = app.Services.GetRequiredService<StorageCache>();
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(cache.IsTrusted)));
        return new CountedApplication(app, counter);
    }

    private sealed record CountedApplication(SharekeepApplication App, DatabaseCommandCounter Counter) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
