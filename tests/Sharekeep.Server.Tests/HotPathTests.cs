using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Server.Tests;

/// <summary>A warm share key is resolved from memory: policy, share record and resource without a database query.</summary>
public sealed class HotPathTests
{
    [Fact]
    public async Task WarmReportShare_IsEvaluatedWithoutADatabaseQuery()
    {
        await using var app = await StartedAsync();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/api/external/share/report/{await admin.ShareReportAsync(await admin.CreateReportAsync())}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        using var counter = new DatabaseCommandCounter(DatabaseCommandCounter.MarkerFor(app));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);
        }

        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task WarmDashboardShare_IsEvaluatedWithoutADatabaseQuery()
    {
        await using var app = await StartedAsync();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var dashboard = await admin.CreateDashboardAsync(await admin.CreateReportAsync(), await admin.CreateReportAsync("Second"));
        var url = $"/api/external/share/dashboard/{await admin.ShareDashboardAsync(dashboard)}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        using var counter = new DatabaseCommandCounter(DatabaseCommandCounter.MarkerFor(app));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task WarmFileLink_IsResolvedWithoutADatabaseQuery()
    {
        await using var app = await StartedAsync();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync();
        Assert.Equal(0, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{key}/content")).Status);

        using var counter = new DatabaseCommandCounter(DatabaseCommandCounter.MarkerFor(app));
        Assert.Equal(0, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{key}/content")).Status);

        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task UnknownKey_AskedTwice_ReachesTheDatabaseOnce()
    {
        await using var app = await StartedAsync();
        using var visitor = app.Visitor();
        var url = $"/api/external/share/report/{new string('A', 32)}/evaluate";
        using var counter = new DatabaseCommandCounter(DatabaseCommandCounter.MarkerFor(app));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);
        var afterFirst = counter.Count;
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, counter.Count);
    }

    [Fact]
    public async Task RevokedWarmShare_IsGoneAtOnceOnTheSameInstance()
    {
        await using var app = await StartedAsync();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
        var url = $"/api/external/share/report/{shareId}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{shareId}")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);
    }

    /// <summary>On PostgreSQL the cache serves only once the change listener is in place.</summary>
    private static async Task<SharekeepApplication> StartedAsync()
    {
        var app = new SharekeepApplication();
        var cache = app.Services.GetRequiredService<StorageCache>();
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(cache.IsTrusted)));
        return app;
    }
}
