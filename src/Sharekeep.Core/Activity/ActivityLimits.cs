namespace Sharekeep.Core.Activity;

/// <summary>
/// What a visitor without any secret can make Sharekeep keep. Counts are only kept for links that opened, so the
/// number of link-days is bounded by the links that exist; visitors' hashes are what many addresses and user agents
/// could grow, and these bound them in memory and in the database.
/// </summary>
public sealed record ActivityLimits
{
    /// <summary>Distinct link-days waiting for the next flush; counts for further link-days are dropped (and counted in a metric).</summary>
    public int MaxPendingLinkDays { get; init; } = 20_000;

    /// <summary>Distinct visitors waiting for the next flush, all links together; beyond it, views still count, visitors do not.</summary>
    public int MaxPendingVisitors { get; init; } = 100_000;

    /// <summary>Distinct visitors stored per link and day; a day that reached it reports "at least" this many.</summary>
    public int MaxVisitorsPerLinkDay { get; init; } = 1_000;

    /// <summary>Days of activity kept (today included).</summary>
    public int RetentionDays { get; init; } = 90;
}
