using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Storage.Caching;

/// <summary>
/// The in-memory view of records that visitors' requests read: share keys, file links, resources, files and
/// the policy. Bounded in size; every write on this instance invalidates what it changed, and on PostgreSQL
/// every other instance's writes arrive as change notices. While the notices cannot be trusted (the listener
/// is reconnecting) nothing is served from memory.
/// </summary>
public sealed class StorageCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeSpan _maxAge;
    private readonly Lock _fillLock = new();
    private long _generation;
    // Invalidations counted per stripe of keys, so that a fill is dropped only when its own stripe changed while it
    // read: with one counter for all keys, a bulk action invalidating thousands of links a second kept almost any
    // fill from sticking, and every visitor's read went to the database.
    private const int StripeCount = 1024;
    private readonly long[] _stripeGenerations = new long[StripeCount];
    private volatile bool _trusted = true;
    private long _trustedUntil = long.MaxValue;
    private readonly SharekeepMetrics _metrics;
    private static readonly string[] AreaNames = [.. Enum.GetNames<ChangeArea>().Select(name => name.ToLowerInvariant())];
    private long _filled;

    public StorageCache(IOptions<StorageCacheOptions> options, SharekeepMetrics? metrics = null)
    {
        var value = options.Value;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, value.MaxEntries), CompactionPercentage = 0.1 });
        _maxAge = TimeSpan.FromSeconds(Math.Max(1, value.MaxAgeSeconds));
        _metrics = metrics ?? SharekeepMetrics.Unobserved;
        _metrics.Observe("sharekeep.cache.entries", "{entry}", "Records held in memory.", () => Count);
        // Every fill adds at most one entry, so fills less entries held only grows: whatever left memory, expired,
        // changed or pushed out by the size limit. Counted without an eviction callback, which the cache would run
        // as a task per entry (a million of them when a cut change feed empties it).
        _metrics.ObserveTotal("sharekeep.cache.evictions", "{entry}", "Records that left memory (expired, changed, or pushed out by the size limit).",
            () => Math.Max(0, Interlocked.Read(ref _filled) - Count));
        _metrics.Observe("sharekeep.change_feed.trusted", "1", "1 while records may be served from memory; 0 while changes made elsewhere may be going unseen.",
            () => IsTrusted ? 1 : 0);
    }

    /// <summary>
    /// True while what is in memory may be served: not suspended, and (when a change feed holds a lease) the
    /// feed proved itself alive recently enough. False while changes may be going unseen.
    /// </summary>
    public bool IsTrusted => _trusted && Environment.TickCount64 < Volatile.Read(ref _trustedUntil);

    public long Count => _entries.Count;

    /// <summary>
    /// The cached value for <paramref name="area"/>/<paramref name="key"/>, or what <paramref name="load"/> reads
    /// (kept when no invalidation happened while it was reading). A missing record (null) is cached too, so that
    /// guessing keys does not reach the database either.
    /// </summary>
    public Task<T?> GetOrLoadAsync<T>(ChangeArea area, string key, Func<Task<T?>> load)
        where T : class => GetOrLoadAsync(area, key, load, keep: true);

    /// <summary>
    /// As <see cref="GetOrLoadAsync{T}(ChangeArea, string, Func{Task{T}})"/>, but what <paramref name="load"/> reads is
    /// kept only if <paramref name="keep"/>: a load that may see the database as it was before this call (a snapshot
    /// taken when its transaction began) must not be kept, since an invalidation before this call would not drop it.
    /// </summary>
    public async Task<T?> GetOrLoadAsync<T>(ChangeArea area, string key, Func<Task<T?>> load, bool keep)
        where T : class
    {
        var cacheKey = new EntryKey(area, key);
        if (IsTrusted && _entries.TryGetValue(cacheKey, out Entry<T>? cached) && cached is not null)
        {
            _metrics.CacheHit(AreaNames[(int)area]);
            return cached.Value;
        }
        _metrics.CacheMiss(AreaNames[(int)area]);
        var stripe = StripeOf(cacheKey);
        var generation = Interlocked.Read(ref _generation);
        var stripeGeneration = Interlocked.Read(ref _stripeGenerations[stripe]);
        var value = await load();
        if (!keep)
        {
            return value;
        }
        lock (_fillLock)
        {
            // A value read before an invalidation of its stripe (or of everything) may be the old one: better to
            // read it again next time.
            if (IsTrusted && generation == _generation && stripeGeneration == _stripeGenerations[stripe])
            {
                Interlocked.Increment(ref _filled);
                _entries.Set(cacheKey, new Entry<T>(value), new MemoryCacheEntryOptions
                {
                    Size = 1,
                    // Between half the age limit and all of it, at random: records read together (a server
                    // warming up on many keys) are then read again over half a minute, not all in the same second.
                    AbsoluteExpirationRelativeToNow = _maxAge * (0.5 + (Random.Shared.NextDouble() / 2)),
                });
            }
        }
        return value;
    }

    /// <summary>
    /// Runs a write, then invalidates what it changed; also after a failure, since the write may have committed
    /// before the failure was seen.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, params Change[] changes)
    {
        try
        {
            return await write();
        }
        finally
        {
            foreach (var change in changes)
            {
                Invalidate(change);
            }
        }
    }

    public Task WriteAsync(Func<Task> write, params Change[] changes) =>
        WriteAsync(
            async () =>
            {
                await write();
                return true;
            },
            changes);

    public void Invalidate(Change change)
    {
        var key = new EntryKey(change.Area, change.Key);
        lock (_fillLock)
        {
            _stripeGenerations[StripeOf(key)]++;
            _entries.Remove(key);
        }
    }

    public void InvalidateAll()
    {
        lock (_fillLock)
        {
            _generation++;
            _entries.Clear();
        }
    }

    /// <summary>Stops serving from memory until <see cref="Resume"/>: changes made elsewhere may be going unseen.</summary>
    public void Suspend()
    {
        _trusted = false;
        InvalidateAll();
    }

    /// <summary>
    /// Serves from memory again, starting empty: whatever was missed while suspended is read afresh. With a
    /// <paramref name="lease"/>, only until the lease runs out unless <see cref="Renew"/> extends it: a change
    /// feed that stops proving itself alive stops the cache even if nothing reports the failure.
    /// </summary>
    public void Resume(TimeSpan? lease = null)
    {
        InvalidateAll();
        Renew(lease);
        _trusted = true;
    }

    /// <summary>Extends the lease from now; null means no lease (trusted until suspended).</summary>
    public void Renew(TimeSpan? lease) =>
        Volatile.Write(ref _trustedUntil, lease is { } length ? Environment.TickCount64 + (long)length.TotalMilliseconds : long.MaxValue);

    public void Dispose() => _entries.Dispose();

    /// <summary>
    /// The stripe of a key, by the string hash .NET seeds at random in every process: a visitor who can make
    /// invalidations (wrong passwords invalidate their network's count) cannot choose keys that land on the stripe of
    /// a popular link and keep its reads from being kept. Internal so that tests can name keys of different stripes.
    /// </summary>
    internal static int StripeOf(ChangeArea area, string key) => StripeOf(new EntryKey(area, key));

    private static int StripeOf(EntryKey key) =>
        (int)((uint)HashCode.Combine(key.Area, string.GetHashCode(key.Key, StringComparison.Ordinal)) % StripeCount);

    private readonly record struct EntryKey(ChangeArea Area, string Key);

    private sealed record Entry<T>(T? Value)
        where T : class;
}
