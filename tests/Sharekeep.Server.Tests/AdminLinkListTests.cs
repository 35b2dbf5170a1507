using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Server.Tests;

/// <summary>The console's list of links: file links of every file, read in one query rather than one per file.</summary>
public sealed class AdminLinkListTests
{
    [Fact]
    public async Task LinkList_NeedsNoMoreQueries_ForManyFilesThanForOne()
    {
        var counter = new DatabaseCommandCounter();
        await using var app = new SharekeepApplication(services: counter.AddTo);
        var cache = app.Services.GetRequiredService<StorageCache>();
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(cache.IsTrusted)));
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await admin.ShareFileAsync(name: "first.txt");
        await ConsoleSignIn.SignInAsync(browser);
        var forOne = await QueriesOfAWarmConsoleAsync(counter, browser);

        for (var i = 0; i < 4; i++)
        {
            await admin.ShareFileAsync(name: $"more-{i}.txt");
        }
        var forFive = await QueriesOfAWarmConsoleAsync(counter, browser);

        Assert.Equal(forOne, forFive);
    }

    [Fact]
    public async Task LinkList_ShowsTheLinksOfEveryFile_NewestFirst()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var older = await admin.ShareFileAsync(name: "older.txt");
        var newer = await admin.ShareFileAsync(name: "newer.txt");

        var page = (await ConsoleSignIn.SignInAsync(browser)).Text;

        var newerAt = page.IndexOf($"/s/{newer}", StringComparison.Ordinal);
        var olderAt = page.IndexOf($"/s/{older}", StringComparison.Ordinal);
        Assert.True(newerAt >= 0 && olderAt > newerAt, "Both files' links are listed, the newer first.");
    }

    /// <summary>
    /// The commands one console page sends once the records it reads by key are in memory: the fewest of three loads,
    /// since the counter also sees the server's background work (flushes, sweeps, the outbox's polls), which only adds.
    /// </summary>
    private static async Task<int> QueriesOfAWarmConsoleAsync(DatabaseCommandCounter counter, SharekeepClient browser)
    {
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Status);
        var fewest = int.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var before = counter.Count;
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).Status);
            fewest = Math.Min(fewest, counter.Count - before);
        }
        return fewest;
    }
}
