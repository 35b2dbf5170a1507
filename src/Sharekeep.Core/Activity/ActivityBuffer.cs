using System.Collections.Concurrent;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Activity;

/// <summary>
/// Counts in memory until the next flush. A request adds to a link-day's counters with interlocked operations (no
/// database, no lock but the one of the link-day's visitor set); a flush takes the whole generation of counts and
/// starts a new one. The generation is bounded by <see cref="ActivityLimits"/>: whatever a visitor sends, it holds
/// at most that many link-days and visitors; what does not fit is dropped and counted, never waited for.
/// </summary>
public sealed class ActivityBuffer(ActivityLimits limits, SharekeepMetrics? metrics = null)
{
    /// <summary>Links whose first use is remembered as stored (about 10 MB of them); visitors, as many as may be pending.</summary>
    private const int RememberedLinks = 100_000;

    private readonly SharekeepMetrics _metrics = metrics ?? SharekeepMetrics.Unobserved;
    private readonly WrittenActivity _written = new(limits.MaxPendingVisitors, RememberedLinks);
    private readonly Guid _writer = Guid.CreateVersion7();
    private Generation _current = new();
    private long _sequence;

    public ActivityLimits Limits => limits;

    public void Add(ActivityLink link, DateOnly day, ActivityEvent what, DateTimeOffset at, UInt128? visitor = null)
    {
        // Bounded: a generation is closed once per flush, and a writer that met a closed one finds the new one at once.
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var generation = Volatile.Read(ref _current);
            Interlocked.Increment(ref generation.Writers);
            try
            {
                if (Volatile.Read(ref generation.Closed) == 0)
                {
                    AddTo(generation, link, day, what, at, visitor);
                    return;
                }
            }
            finally
            {
                Interlocked.Decrement(ref generation.Writers);
            }
        }
    }

    /// <summary>
    /// Takes every count made so far and starts afresh. Writers still adding to the taken generation are waited for:
    /// they are in the middle of a few interlocked operations, never of anything that blocks.
    /// </summary>
    public ActivityBatch Drain()
    {
        var taken = Interlocked.Exchange(ref _current, new Generation());
        Interlocked.Exchange(ref taken.Closed, 1);
        var spin = new SpinWait();
        while (Volatile.Read(ref taken.Writers) != 0)
        {
            spin.SpinOnce();
        }
        return new ActivityBatch([.. taken.Entries
            .OrderBy(e => e.Key.Link.Kind).ThenBy(e => e.Key.Link.Id, StringComparer.Ordinal).ThenBy(e => e.Key.Day)
            .Select(e => e.Value.ToDelta(e.Key.Link, e.Key.Day) with { FirstUseStored = _written.HasFirstUse(e.Key.Link) })])
        {
            // Batches are written in the order they are drained (a refused one is written again before the next is
            // drained), so each writer's sequence only grows in the store.
            Writer = _writer,
            Sequence = Interlocked.Increment(ref _sequence),
        };
    }

    /// <summary>The store committed <paramref name="batch"/>: what it held need not be offered again.</summary>
    public void Committed(ActivityBatch batch, DateOnly today) => _written.Committed(batch, today);

    private void AddTo(Generation generation, ActivityLink link, DateOnly day, ActivityEvent what, DateTimeOffset at, UInt128? visitor)
    {
        var key = new LinkDay(link, day);
        if (!generation.Entries.TryGetValue(key, out var pending))
        {
            if (Interlocked.Increment(ref generation.LinkDays) > limits.MaxPendingLinkDays)
            {
                Interlocked.Decrement(ref generation.LinkDays);
                _metrics.ActivityDropped("link_days");
                return;
            }
            var made = new PendingActivity();
            pending = generation.Entries.GetOrAdd(key, made);
            if (!ReferenceEquals(pending, made))
            {
                Interlocked.Decrement(ref generation.LinkDays);
            }
        }
        pending.Add(what, at);
        // A visitor already stored for the link-day changes nothing there: the most common visit costs no hash set.
        if (visitor is { } hash && !_written.HasVisitor(link, day, hash))
        {
            var added = pending.AddVisitor(hash, limits.MaxVisitorsPerLinkDay, () => Take(generation));
            if (added == VisitorAdded.BufferFull)
            {
                _metrics.ActivityDropped("visitors");
            }
        }
    }

    private bool Take(Generation generation)
    {
        if (Interlocked.Increment(ref generation.Visitors) <= limits.MaxPendingVisitors)
        {
            return true;
        }
        Interlocked.Decrement(ref generation.Visitors);
        return false;
    }

    private readonly record struct LinkDay(ActivityLink Link, DateOnly Day);

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<LinkDay, PendingActivity> Entries = new();
        public int Writers;
        public int Closed;
        public int LinkDays;
        public int Visitors;
    }
}
