using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Activity;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// A flush as the store writes it: many link-days and many visitors, more than one multi-row statement holds, added
/// to what is stored on both providers.
/// </summary>
public sealed class ActivityBatchWriteTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly SharekeepApplication _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static ActivityDelta Delta(ActivityLink link, long views, int firstVisitor, int visitors, DateOnly? day = null, DateTimeOffset? at = null) => new(
        link, day ?? Today, views, Downloads: 1, Previews: 2, PasswordFailures: 0, Lockouts: 0, at ?? Noon, at ?? Noon,
        [.. Enumerable.Range(firstVisitor, visitors).Select(i => (UInt128)i)]);

    private async Task<IReadOnlyList<ActivityLink>> AddAsync(int visitorsPerLinkDay, params ActivityDelta[] deltas)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ILinkActivityStore>();
        return await store.AddAsync(new ActivityBatch(deltas), visitorsPerLinkDay, TestContext.Current.CancellationToken);
    }

    private async Task<DailyActivity> DayAsync(ActivityLink link, DateOnly? day = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ILinkActivityStore>();
        var days = await store.DaysAsync(link, day ?? Today, TestContext.Current.CancellationToken);
        return Assert.Single(days, d => d.Day == (day ?? Today));
    }

    private static ActivityLink LinkNumber(int i) => ActivityLink.Share($"share-{i:D4}");

    [Fact]
    public async Task ABatchOfMoreLinkDaysThanOneStatementHolds_AddsEveryOnesCounts()
    {
        var links = Enumerable.Range(0, 450).Select(LinkNumber).ToList();

        await AddAsync(1000, [.. links.Select((link, i) => Delta(link, views: i + 1, firstVisitor: 0, visitors: 2))]);
        await AddAsync(1000, [.. links.Select((link, i) => Delta(link, views: 10, firstVisitor: 1, visitors: 2))]);

        foreach (var i in new[] { 0, 199, 200, 201, 399, 400, 449 })
        {
            var day = await DayAsync(links[i]);
            Assert.Equal(i + 1 + 10, day.Views);
            Assert.Equal(2, day.Downloads);
            Assert.Equal(4, day.Previews);
            // Visitors 0 and 1, then 1 again and 2: three distinct.
            Assert.Equal(3, day.Visitors);
        }
        Assert.Equal(450 * 3, await ActivityHarness.CountRowsAsync(_app, "LinkVisitors"));
    }

    [Fact]
    public async Task VisitorsBeyondOneStatement_AreStoredUpToTheLimit_AcrossBatches()
    {
        var link = LinkNumber(1);

        await AddAsync(1000, Delta(link, views: 1, firstVisitor: 0, visitors: 700));
        await AddAsync(1000, Delta(link, views: 1, firstVisitor: 650, visitors: 700));

        Assert.Equal(1000, (await DayAsync(link)).Visitors);
        Assert.Equal(1000, await ActivityHarness.CountRowsAsync(_app, "LinkVisitors"));
    }

    [Fact]
    public async Task FirstAndLastAccess_WidenToCoverEveryBatch_AndNoAccessLeavesThemAsTheyWere()
    {
        var link = LinkNumber(2);
        await AddAsync(1000, Delta(link, views: 1, firstVisitor: 0, visitors: 1, at: Noon));
        await AddAsync(1000, Delta(link, views: 1, firstVisitor: 0, visitors: 1, at: Noon.AddHours(-2)));
        await AddAsync(1000, Delta(link, views: 1, firstVisitor: 0, visitors: 1, at: Noon.AddHours(3)));
        await AddAsync(1000, new ActivityDelta(link, Today, 0, 0, Previews: 1, 0, 0, FirstAccess: null, LastAccess: null, []));

        var day = await DayAsync(link);

        Assert.Equal(Noon.AddHours(-2), day.FirstAccess);
        Assert.Equal(Noon.AddHours(3), day.LastAccess);
        Assert.Equal(1, day.Visitors);
        Assert.Equal(3 * 2 + 1, day.Previews);
    }

    [Fact]
    public async Task TheSameLinkOnTwoDays_IsTwoRows()
    {
        var link = LinkNumber(3);

        await AddAsync(1000,
            Delta(link, views: 5, firstVisitor: 0, visitors: 1, day: Today.AddDays(-1), at: Noon.AddDays(-1)),
            Delta(link, views: 7, firstVisitor: 0, visitors: 1));

        Assert.Equal(5, (await DayAsync(link, Today.AddDays(-1))).Views);
        Assert.Equal(7, (await DayAsync(link)).Views);
        Assert.Equal(1, (await DayAsync(link)).Visitors);
    }

    private async Task<T> WithStoreAsync<T>(Func<ILinkActivityStore, Task<T>> use)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ILinkActivityStore>());
    }

    [Fact]
    public async Task TheSameBatchWrittenTwice_IsCountedOnce()
    {
        var link = LinkNumber(4);
        var batch = new ActivityBatch([Delta(link, views: 3, firstVisitor: 0, visitors: 1)]);

        await WithStoreAsync(store => store.AddAsync(batch, 1000, TestContext.Current.CancellationToken));
        var again = await WithStoreAsync(store => store.AddAsync(batch, 1000, TestContext.Current.CancellationToken));

        Assert.Empty(again);
        Assert.Equal(3, (await DayAsync(link)).Views);
    }

    [Fact]
    public async Task ALinksFirstUse_IsFoundOnce_AndKeptAfterItsDaysAreSwept()
    {
        var link = LinkNumber(5);
        var first = await AddAsync(1000, Delta(link, views: 1, firstVisitor: 0, visitors: 1, day: Today.AddDays(-100), at: Noon.AddDays(-100)));
        await WithStoreAsync(async store =>
        {
            await store.SweepAsync(Today.AddDays(-89), Today.AddDays(-1), Today, TestContext.Current.CancellationToken);
            return true;
        });

        var later = await AddAsync(1000, Delta(link, views: 1, firstVisitor: 0, visitors: 1));

        Assert.Equal([link], first);
        Assert.Empty(later);
        Assert.Equal(Noon.AddDays(-100), await WithStoreAsync(store => store.FirstUseAsync(link, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task OnlyPreviews_AreNoFirstUse()
    {
        var link = LinkNumber(6);
        var preview = new ActivityDelta(link, Today, Views: 0, Downloads: 0, Previews: 4, PasswordFailures: 0, Lockouts: 0, null, null, []);

        Assert.Empty(await AddAsync(1000, preview));
        Assert.Null(await WithStoreAsync(store => store.FirstUseAsync(link, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AFirstUseTheBufferKnowsIsStored_IsNotOfferedAgain_WhileTheCountsAreAdded()
    {
        var link = LinkNumber(7);
        var known = Delta(link, views: 2, firstVisitor: 0, visitors: 1) with { FirstUseStored = true };

        Assert.Empty(await AddAsync(1000, known));
        Assert.Null(await WithStoreAsync(store => store.FirstUseAsync(link, TestContext.Current.CancellationToken)));
        Assert.Equal(2, (await DayAsync(link)).Views);
    }
}
