using Microsoft.Extensions.Options;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Server.Tests;

/// <summary>The in-memory view's own rules, without a server.</summary>
public sealed class StorageCacheTests
{
    private static StorageCache NewCache(int maxEntries = 100) =>
        new(Options.Create(new StorageCacheOptions { MaxEntries = maxEntries, MaxAgeSeconds = 600 }));

    [Fact]
    public async Task SecondRead_IsServedFromMemory()
    {
        using var cache = NewCache();
        var loads = 0;

        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "v"));
        var second = await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "other"));

        Assert.Equal("v", second);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task ValueLoadedNotToBeKept_IsReadAgainNextTime()
    {
        using var cache = NewCache();
        var loads = 0;

        var first = await cache.GetOrLoadAsync(ChangeArea.Webhook, "k", () => Load(ref loads, "snapshot"), keep: false);
        var second = await cache.GetOrLoadAsync(ChangeArea.Webhook, "k", () => Load(ref loads, "fresh"));

        Assert.Equal("snapshot", first);
        Assert.Equal("fresh", second);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task MissingRecord_IsRememberedToo()
    {
        using var cache = NewCache();
        var loads = 0;

        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, null));
        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, null));

        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Invalidated_IsReadAgain()
    {
        using var cache = NewCache();
        var loads = 0;
        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "old"));

        cache.Invalidate(new Change(ChangeArea.Share, "k"));

        Assert.Equal("new", await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "new")));
    }

    [Fact]
    public async Task ValueReadBeforeAnInvalidation_IsNotKept()
    {
        using var cache = NewCache();
        var reading = new TaskCompletionSource<string?>();
        var slowRead = cache.GetOrLoadAsync(ChangeArea.Share, "k", () => reading.Task);

        cache.Invalidate(new Change(ChangeArea.Share, "k"));
        reading.SetResult("read before the change");
        await slowRead;

        Assert.Equal("fresh", await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Task.FromResult<string?>("fresh")));
    }

    [Fact]
    public async Task ValueReadWhileOtherRecordsChanged_IsKept()
    {
        using var cache = NewCache();
        var others = Enumerable.Range(0, 100).Select(i => $"other-{i}")
            .Where(o => StorageCache.StripeOf(ChangeArea.Share, o) != StorageCache.StripeOf(ChangeArea.Share, "k")).ToList();
        var reading = new TaskCompletionSource<string?>();
        var slowRead = cache.GetOrLoadAsync(ChangeArea.Share, "k", () => reading.Task);

        // A bulk action changing many other links while this one is read.
        foreach (var other in others)
        {
            cache.Invalidate(new Change(ChangeArea.Share, other));
        }
        reading.SetResult("read while others changed");
        await slowRead;

        Assert.Equal("read while others changed", await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Task.FromResult<string?>("read again")));
    }

    [Fact]
    public async Task ValueReadBeforeEverythingWasDropped_IsNotKept()
    {
        using var cache = NewCache();
        var reading = new TaskCompletionSource<string?>();
        var slowRead = cache.GetOrLoadAsync(ChangeArea.Share, "k", () => reading.Task);

        cache.InvalidateAll();
        reading.SetResult("read before everything was dropped");
        await slowRead;

        Assert.Equal("fresh", await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Task.FromResult<string?>("fresh")));
    }

    [Fact]
    public async Task WhileSuspended_EveryReadGoesToTheSource()
    {
        using var cache = NewCache();
        var loads = 0;
        cache.Suspend();

        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "v"));
        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "v"));

        Assert.Equal(2, loads);
        Assert.False(cache.IsTrusted);
    }

    [Fact]
    public async Task Resumed_StartsEmpty()
    {
        using var cache = NewCache();
        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Task.FromResult<string?>("before"));
        cache.Suspend();

        cache.Resume();

        Assert.Equal("after", await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Task.FromResult<string?>("after")));
    }

    [Fact]
    public async Task LeaseRunOut_StopsServingFromMemory()
    {
        using var cache = NewCache();
        var loads = 0;
        cache.Resume(lease: TimeSpan.FromMilliseconds(1));
        await Task.Delay(20, TestContext.Current.CancellationToken);

        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "v"));
        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "v"));

        Assert.False(cache.IsTrusted);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task RenewedLease_ServesFromMemory()
    {
        using var cache = NewCache();
        var loads = 0;
        cache.Resume(lease: TimeSpan.FromMilliseconds(1));
        await Task.Delay(20, TestContext.Current.CancellationToken);

        cache.Renew(TimeSpan.FromMinutes(1));
        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "v"));
        await cache.GetOrLoadAsync(ChangeArea.Share, "k", () => Load(ref loads, "v"));

        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Size_StaysWithinTheConfiguredBound()
    {
        using var cache = NewCache(maxEntries: 50);

        for (var i = 0; i < 500; i++)
        {
            await cache.GetOrLoadAsync(ChangeArea.Share, $"k{i}", () => Task.FromResult<string?>("v"));
        }

        Assert.InRange(cache.Count, 1, 50);
    }

    [Fact]
    public void ChangeNotice_NamesItsRecord_AndAnyPolicySettingMeansThePolicy()
    {
        Assert.Equal(new Change(ChangeArea.FileLink, "abc:def"), Change.Parse("filelink:abc:def"));
        Assert.Equal(Change.Policy, Change.Parse("policy:Sharing"));
        Assert.Null(Change.Parse("something-new:1"));
        Assert.Null(Change.Parse("no-colon"));
    }

    [Fact]
    public async Task EntriesReadTogether_AreNotAllReadAgainTogether()
    {
        using var cache = new StorageCache(Options.Create(new StorageCacheOptions { MaxEntries = 1000, MaxAgeSeconds = 2 }));
        var keys = Enumerable.Range(0, 200).Select(i => $"k{i}").ToList();
        foreach (var key in keys)
        {
            await cache.GetOrLoadAsync(ChangeArea.Share, key, () => Task.FromResult<string?>("v"));
        }

        // Look every 50 ms (for at most 5 s) until some entry has aged out: then others must still be there.
        var aged = 0;
        for (var look = 0; look < 100 && aged == 0; look++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            foreach (var key in keys)
            {
                await cache.GetOrLoadAsync(ChangeArea.Share, key, () => Load(ref aged, "v"));
            }
        }

        Assert.InRange(aged, 1, keys.Count - 1);
    }

    private static Task<string?> Load(ref int loads, string? value)
    {
        loads++;
        return Task.FromResult(value);
    }
}
