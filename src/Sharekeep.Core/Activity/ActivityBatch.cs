namespace Sharekeep.Core.Activity;

/// <summary>What one link did on one day since the last flush: added to the stored counts, never replacing them.</summary>
public sealed record ActivityDelta(
    ActivityLink Link,
    DateOnly Day,
    long Views,
    long Downloads,
    long Previews,
    long PasswordFailures,
    long Lockouts,
    DateTimeOffset? FirstAccess,
    DateTimeOffset? LastAccess,
    IReadOnlyList<UInt128> Visitors)
{
    /// <summary>Views and downloads: what a person did with the link.</summary>
    public long Uses => Views + Downloads;

    /// <summary>The link's first use is known to be stored already: the store need not offer it again.</summary>
    public bool FirstUseStored { get; init; }
}

/// <summary>One flush's worth of counts, in a fixed order (so that instances flushing at once lock rows in the same order).</summary>
public sealed record ActivityBatch(IReadOnlyList<ActivityDelta> Deltas)
{
    /// <summary>
    /// Who made the batch (one id per buffer, so per server process) and its place in that writer's order: the store
    /// keeps each writer's last written <see cref="Sequence"/> with the counts, in their transaction, so a batch
    /// written again after a commit whose outcome was lost is recognised and not counted twice. A batch made by hand
    /// is a writer of its own.
    /// </summary>
    public Guid Writer { get; init; } = Guid.CreateVersion7();

    /// <inheritdoc cref="Writer"/>
    public long Sequence { get; init; } = 1;

    public bool IsEmpty => Deltas.Count == 0;
}
