using System.Collections.Concurrent;

namespace Sharekeep.Core.Activity;

/// <summary>
/// What this process knows the store already holds: links whose first use is stored, and today's visitors stored
/// per link. A link's regular visitors would otherwise be hashed into every flush and inserted again for nothing (the
/// row is there), and every link used in a flush would be offered again as a first use: at 10 000 links per flush
/// that was most of a flush's work (docs/benchmarks.md, 2026-12-02 evening). Knowing too little only costs a write
/// that changes nothing, so both sets are bounded by starting afresh when full, never by waiting.
/// </summary>
internal sealed class WrittenActivity(int maxVisitors, int maxLinks)
{
    private TodaysVisitors _visitors = new(DateOnly.MinValue);
    private HashSet<ActivityLink> _used = [];

    /// <summary>Called by visitors' requests, at any time.</summary>
    public bool HasVisitor(ActivityLink link, DateOnly day, UInt128 visitor)
    {
        var visitors = Volatile.Read(ref _visitors);
        return visitors.Day == day && visitors.Hashes.ContainsKey((link, visitor));
    }

    /// <summary>Called by the flush only (one at a time).</summary>
    public bool HasFirstUse(ActivityLink link) => _used.Contains(link);

    /// <summary>
    /// After <paramref name="batch"/> committed: its links' first uses and its visitors of <paramref name="today"/>
    /// are stored. Visitors a full link-day did not take count as stored too: that day takes no more.
    /// </summary>
    public void Committed(ActivityBatch batch, DateOnly today)
    {
        var visitors = Volatile.Read(ref _visitors);
        if (visitors.Day != today)
        {
            visitors = new TodaysVisitors(today);
            Volatile.Write(ref _visitors, visitors);
        }
        foreach (var delta in batch.Deltas)
        {
            if (delta.Uses > 0 && _used.Add(delta.Link) && _used.Count > maxLinks)
            {
                _used = [delta.Link];
            }
            if (delta.Day != today)
            {
                continue;
            }
            foreach (var hash in delta.Visitors)
            {
                if (visitors.Hashes.TryAdd((delta.Link, hash), 0) && Interlocked.Increment(ref visitors.Count) > maxVisitors)
                {
                    visitors = new TodaysVisitors(today);
                    Volatile.Write(ref _visitors, visitors);
                }
            }
        }
    }

    private sealed class TodaysVisitors(DateOnly day)
    {
        public DateOnly Day { get; } = day;

        public ConcurrentDictionary<(ActivityLink Link, UInt128 Hash), byte> Hashes { get; } = new();

        // ConcurrentDictionary.Count takes every lock; this one is only ever added to.
        public int Count;
    }
}
