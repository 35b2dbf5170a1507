namespace Sharekeep.Server.Public;

/// <summary>Bounds of the rendered visitors' pages kept in memory (<see cref="RenderedPages"/>).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Sharekeep:PageCache";

    /// <summary>Most pages kept; the least recently used go first.</summary>
    public int MaxEntries { get; set; } = 2_000;

    /// <summary>Most bytes kept, all pages together; at least one largest page (<see cref="ReportPages.MaxPageBytes"/>).</summary>
    public long MaxBytes { get; set; } = 128L * 1024 * 1024;
}
