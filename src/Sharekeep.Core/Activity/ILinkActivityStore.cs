namespace Sharekeep.Core.Activity;

/// <summary>One stored day of one link. <see cref="Visitors"/> equal to the per-day limit means "at least that many".</summary>
public sealed record DailyActivity(
    DateOnly Day,
    long Views,
    long Downloads,
    long Previews,
    int Visitors,
    long PasswordFailures,
    long Lockouts,
    DateTimeOffset? FirstAccess,
    DateTimeOffset? LastAccess);

/// <summary>A link's views over the kept days and its last view or download, for the inventory.</summary>
public sealed record ActivitySummary(long Views, DateTimeOffset? LastAccess);

/// <summary>
/// Where activity is kept, shared by every instance: a flush adds to the stored counts (never sets them), so
/// instances flushing at once all count.
/// </summary>
public interface ILinkActivityStore
{
    /// <summary>
    /// Adds a batch in one transaction, keeping at most <paramref name="visitorsPerLinkDay"/> visitors per link and day,
    /// once: a batch whose writer has stored its <see cref="ActivityBatch.Sequence"/> (or a later one) adds nothing. Answers the links whose very
    /// first view or download ever is in this batch (kept for the link's life, not only over the kept days).
    /// </summary>
    Task<IReadOnlyList<ActivityLink>> AddAsync(ActivityBatch batch, int visitorsPerLinkDay, CancellationToken cancellationToken);

    /// <summary>The link's first view or download ever, or null if it has none.</summary>
    Task<DateTimeOffset?> FirstUseAsync(ActivityLink link, CancellationToken cancellationToken);

    /// <summary>The stored days of a link from <paramref name="from"/> on, oldest first; days without activity are absent.</summary>
    Task<IReadOnlyList<DailyActivity>> DaysAsync(ActivityLink link, DateOnly from, CancellationToken cancellationToken);

    /// <summary>For each of <paramref name="links"/> that has activity from <paramref name="from"/> on, its summary: one read for all.</summary>
    Task<IReadOnlyDictionary<ActivityLink, ActivitySummary>> SummariesAsync(
        IReadOnlyCollection<ActivityLink> links, DateOnly from, CancellationToken cancellationToken);

    /// <summary>The day's salt: <paramref name="proposed"/> if no instance stored one yet, else the stored one.</summary>
    Task<byte[]> SaltAsync(DateOnly day, byte[] proposed, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes counts of days before <paramref name="keepFrom"/>, visitors' hashes of days before <paramref name="hashesFrom"/>
    /// and salts of days before <paramref name="saltsFrom"/>; and what writers that wrote nothing since
    /// <paramref name="keepFrom"/> last wrote (a batch that old would only add to days already deleted).
    /// </summary>
    Task SweepAsync(DateOnly keepFrom, DateOnly hashesFrom, DateOnly saltsFrom, CancellationToken cancellationToken);
}
