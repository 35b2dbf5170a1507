namespace Sharekeep.Storage.Caching;

/// <summary>Bounds of the in-memory view that serves share keys without a database query.</summary>
public sealed class StorageCacheOptions
{
    public const string Section = "Sharekeep:Cache";

    /// <summary>Most entries kept (share keys, file links, resources, files); the least recently used go first.</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// A backstop only: changes reach the cache at once through invalidation; an entry older than this is
    /// read again even if no change was announced. Each entry is kept between half of it and all of it, at random.
    /// </summary>
    public int MaxAgeSeconds { get; set; } = 60;
}
