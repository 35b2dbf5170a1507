namespace Sharekeep.Core.Activity;

/// <summary>One link-day's counts in memory, added to by many requests at once without a lock (visitors excepted).</summary>
internal sealed class PendingActivity
{
    private long _views;
    private long _downloads;
    private long _previews;
    private long _passwordFailures;
    private long _lockouts;
    private long _firstTicks = long.MaxValue;
    private long _lastTicks = long.MinValue;
    private readonly HashSet<UInt128> _visitors = [];

    public void Add(ActivityEvent what, DateTimeOffset at)
    {
        switch (what)
        {
            case ActivityEvent.View:
                Interlocked.Increment(ref _views);
                Accessed(at.UtcTicks);
                break;
            case ActivityEvent.Download:
                Interlocked.Increment(ref _downloads);
                Accessed(at.UtcTicks);
                break;
            case ActivityEvent.Preview:
                Interlocked.Increment(ref _previews);
                break;
            case ActivityEvent.PasswordFailure:
                Interlocked.Increment(ref _passwordFailures);
                break;
            case ActivityEvent.Lockout:
                Interlocked.Increment(ref _lockouts);
                break;
        }
    }

    /// <summary>Adds a visitor unless this link-day holds <paramref name="perLinkDay"/> already or <paramref name="take"/> says no room is left.</summary>
    public VisitorAdded AddVisitor(UInt128 visitor, int perLinkDay, Func<bool> take)
    {
        lock (_visitors)
        {
            if (_visitors.Contains(visitor))
            {
                return VisitorAdded.Known;
            }
            if (_visitors.Count >= perLinkDay)
            {
                return VisitorAdded.LinkDayFull;
            }
            if (!take())
            {
                return VisitorAdded.BufferFull;
            }
            _visitors.Add(visitor);
            return VisitorAdded.Added;
        }
    }

    public ActivityDelta ToDelta(ActivityLink link, DateOnly day)
    {
        UInt128[] visitors;
        lock (_visitors)
        {
            visitors = [.. _visitors];
        }
        Array.Sort(visitors);
        var first = Interlocked.Read(ref _firstTicks);
        var last = Interlocked.Read(ref _lastTicks);
        return new ActivityDelta(
            link,
            day,
            Interlocked.Read(ref _views),
            Interlocked.Read(ref _downloads),
            Interlocked.Read(ref _previews),
            Interlocked.Read(ref _passwordFailures),
            Interlocked.Read(ref _lockouts),
            first == long.MaxValue ? null : new DateTimeOffset(first, TimeSpan.Zero),
            last == long.MinValue ? null : new DateTimeOffset(last, TimeSpan.Zero),
            visitors);
    }

    private void Accessed(long ticks)
    {
        var first = Interlocked.Read(ref _firstTicks);
        while (ticks < first)
        {
            var seen = Interlocked.CompareExchange(ref _firstTicks, ticks, first);
            if (seen == first)
            {
                break;
            }
            first = seen;
        }
        var last = Interlocked.Read(ref _lastTicks);
        while (ticks > last)
        {
            var seen = Interlocked.CompareExchange(ref _lastTicks, ticks, last);
            if (seen == last)
            {
                break;
            }
            last = seen;
        }
    }
}

internal enum VisitorAdded
{
    Added,
    Known,
    LinkDayFull,
    BufferFull,
}
