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
    /// Adds a batch in one transaction, keeping at most <paramref name="visitorsPerLinkDay"/> visitors per link and day.
    /// Answers the links whose very first view or download (over the kept days) is in this batch.
    /// </summary>
    Task<IReadOnlyList<ActivityLink>> AddAsync(ActivityBatch batch, int visitorsPerLinkDay, CancellationToken cancellationToken);

    /// <summary>The stored days of a link from <paramref name="from"/> on, oldest first; days without activity are absent.</summary>
    Task<IReadOnlyList<DailyActivity>> DaysAsync(ActivityLink link, DateOnly from, CancellationToken cancellationToken);

    /// <summary>For each of <paramref name="links"/> that has activity from <paramref name="from"/> on, its summary: one read for all.</summary>
    Task<IReadOnlyDictionary<ActivityLink, ActivitySummary>> SummariesAsync(
        IReadOnlyCollection<ActivityLink> links, DateOnly from, CancellationToken cancellationToken);

    /// <summary>The day's salt: <paramref name="proposed"/> if no instance stored one yet, else the stored one.</summary>
    Task<byte[]> SaltAsync(DateOnly day, byte[] proposed, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes counts of days before <paramref name="keepFrom"/>, visitors' hashes of days before <paramref name="hashesFrom"/>
    /// and salts of days before <paramref name="saltsFrom"/>.
    /// </summary>
    Task SweepAsync(DateOnly keepFrom, DateOnly hashesFrom, DateOnly saltsFrom, CancellationToken cancellationToken);
}
