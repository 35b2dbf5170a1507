namespace Sharekeep.Core.Links;

/// <summary>
/// Brute-force brake for link passwords: after <see cref="MaxFailures"/> wrong passwords for one link from one
/// client within <see cref="Window"/>, every further try is refused for <see cref="Lockout"/>, whatever the
/// password. ASP.NET Core's rate limiter counts requests, not wrong answers, hence this small class.
/// In memory, per instance.
/// </summary>
public sealed class PasswordAttemptThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Lockout = TimeSpan.FromSeconds(60);
    private const int PruneAbove = 10_000;

    private readonly Dictionary<(Guid Link, string Client), Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Starts a try: null when it may go ahead, or how long the client must wait.</summary>
    public TimeSpan? TryBegin(Guid linkId, string client)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue((linkId, client), out var entry))
            {
                if (_entries.Count >= PruneAbove)
                {
                    Prune(now);
                }
                entry = new Entry();
                _entries[(linkId, client)] = entry;
            }
            entry.Forget(now);
            if (entry.LockedUntil > now)
            {
                return entry.LockedUntil - now;
            }
            // Tries still being checked count too, so that parallel requests cannot slip past the limit.
            if (entry.Failures.Count + entry.InFlight >= MaxFailures)
            {
                return Lockout;
            }
            entry.InFlight++;
            return null;
        }
    }

    public void Succeeded(Guid linkId, string client)
    {
        lock (_lock)
        {
            _entries.Remove((linkId, client));
        }
    }

    public void Failed(Guid linkId, string client)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue((linkId, client), out var entry))
            {
                entry = new Entry { InFlight = 1 };
                _entries[(linkId, client)] = entry;
            }
            entry.InFlight = Math.Max(0, entry.InFlight - 1);
            entry.Forget(now);
            entry.Failures.Enqueue(now);
            if (entry.Failures.Count >= MaxFailures)
            {
                entry.LockedUntil = now + Lockout;
                entry.Failures.Clear();
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries.ToList())
        {
            entry.Forget(now);
            if (entry.Failures.Count == 0 && entry.InFlight == 0 && entry.LockedUntil <= now)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public int InFlight { get; set; }

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public void Forget(DateTimeOffset now)
        {
            while (Failures.TryPeek(out var oldest) && oldest <= now - Window)
            {
                Failures.Dequeue();
            }
        }
    }
}
