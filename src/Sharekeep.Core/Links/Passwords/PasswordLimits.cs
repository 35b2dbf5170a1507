namespace Sharekeep.Core.Links.Passwords;

/// <summary>
/// How many wrong passwords are checked before guessing stops, counted three ways: per link from anywhere (so
/// many addresses do not multiply a link's guesses), per client network across all links (so one holder of a
/// network cannot spread guesses over many links), and per link and network (a brief pause for one visitor who
/// mistypes). Each window slides: a count falls as its oldest failure ages out. Also how much hashing may run at
/// once, so that guessing cannot take the CPU from everybody else.
/// </summary>
public sealed record PasswordLimits
{
    public int LinkFailures { get; init; } = 5;

    public TimeSpan LinkWindow { get; init; } = TimeSpan.FromMinutes(15);

    public int NetworkFailures { get; init; } = 20;

    public TimeSpan NetworkWindow { get; init; } = TimeSpan.FromMinutes(15);

    public int ClientFailures { get; init; } = 5;

    public TimeSpan ClientWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Hashes computed at the same time; each takes a core for a fifth of a second.</summary>
    public int ConcurrentChecks { get; init; } = Environment.ProcessorCount;

    /// <summary>Tries that may wait for a free check; beyond them a try is refused at once.</summary>
    public int QueuedChecks { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>
    /// Hashes started per minute, evenly spread: at 30 per core (one every two seconds), guessing holds at most
    /// about a tenth of the CPU however many tries arrive, and the rest of the service keeps its speed.
    /// </summary>
    public int ChecksPerMinute { get; init; } = 30 * Environment.ProcessorCount;

    /// <summary>
    /// How long a refused try waits before its answer. Costs no CPU, and slows a guesser that waits for each
    /// answer to one try per connection per delay, instead of as many refusals as the server can write.
    /// </summary>
    public TimeSpan RefusalDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Refusals held back at once; beyond them a refusal is answered at once, so waiting ones stay bounded in memory.</summary>
    public int MaxDelayedRefusals { get; init; } = 1000;

    /// <summary>The longest window: failures older than this count for nothing and may be deleted.</summary>
    public TimeSpan Retention => new[] { LinkWindow, NetworkWindow, ClientWindow }.Max();
}
