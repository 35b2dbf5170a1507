namespace Sharekeep.Core.Credentials;

/// <summary>
/// Wrong admin credentials per client network in a fixed one-minute window. Past the limit, the network is braked
/// until its window ends: the bootstrap secret (which an operator may have chosen short) is then not even checked
/// for it, so guessing stops; API keys (256 random bits, which nobody can guess) are still checked and a right one
/// let in, so a caller on an attacker's network is never shut out by the attack.
/// Bounded: at most <see cref="MaxNetworks"/> networks are counted apart; past that, after dropping ended windows,
/// new networks share one count, so a flood from many addresses is braked together rather than filling memory.
/// In memory, per instance.
/// </summary>
public sealed class CredentialBrake(TimeProvider time, int failuresPerWindow)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public const int MaxNetworks = 50_000;
    private const string Overflow = "(overflow)";

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public int FailuresPerWindow { get; } = failuresPerWindow >= 1
        ? failuresPerWindow
        : throw new ArgumentOutOfRangeException(nameof(failuresPerWindow), failuresPerWindow, "At least one failure must be allowed.");

    /// <summary>Whether the network is past its limit now; if so, how long until its window ends.</summary>
    public bool IsBraked(string network, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var entry = _entries.GetValueOrDefault(network) ?? (_entries.Count >= MaxNetworks ? _entries.GetValueOrDefault(Overflow) : null);
            return Braked(entry, now, out retryAfter);
        }
    }

    /// <summary>Counts a wrong credential; true when that took the network past its limit (or it already was).</summary>
    public bool Fail(string network, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var entry = EntryFor(network, now);
            if (now - entry.WindowStart >= Window)
            {
                entry.WindowStart = now;
                entry.Failures = 0;
            }
            entry.Failures++;
            return Braked(entry, now, out retryAfter);
        }
    }

    private bool Braked(Entry? entry, DateTimeOffset now, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (entry is null || now - entry.WindowStart >= Window || entry.Failures <= FailuresPerWindow)
        {
            return false;
        }
        retryAfter = entry.WindowStart + Window - now;
        return true;
    }

    private Entry EntryFor(string network, DateTimeOffset now)
    {
        if (_entries.TryGetValue(network, out var entry))
        {
            return entry;
        }
        // Dropping ended windows walks every entry: at most once a second, so that a flood cannot make each request pay it.
        if (_entries.Count >= MaxNetworks && now - _lastPrune >= TimeSpan.FromSeconds(1))
        {
            _lastPrune = now;
            foreach (var (ended, old) in _entries.ToList())
            {
                if (now - old.WindowStart >= Window)
                {
                    _entries.Remove(ended);
                }
            }
        }
        var key = _entries.Count >= MaxNetworks ? Overflow : network;
        if (!_entries.TryGetValue(key, out entry))
        {
            entry = new Entry { WindowStart = now };
            _entries[key] = entry;
        }
        return entry;
    }

    private sealed class Entry
    {
        public DateTimeOffset WindowStart { get; set; }

        public int Failures { get; set; }
    }
}
