using System.ComponentModel.DataAnnotations;
using Sharekeep.Core.Links.Passwords;

namespace Sharekeep.Server.Hosting;

/// <summary>Sharekeep:Passwords: how wrong link passwords are braked, and how much hashing may run. See <see cref="PasswordLimits"/>.</summary>
internal sealed class PasswordOptions
{
    public const string Section = "Sharekeep:Passwords";

    [Range(1, 1000, ErrorMessage = "Sharekeep:Passwords:LinkFailures must be between 1 and 1000.")]
    public int LinkFailures { get; set; } = 5;

    [Range(1, 1440, ErrorMessage = "Sharekeep:Passwords:LinkWindowMinutes must be between 1 and 1440.")]
    public int LinkWindowMinutes { get; set; } = 15;

    [Range(1, 10000, ErrorMessage = "Sharekeep:Passwords:NetworkFailures must be between 1 and 10000.")]
    public int NetworkFailures { get; set; } = 20;

    [Range(1, 1440, ErrorMessage = "Sharekeep:Passwords:NetworkWindowMinutes must be between 1 and 1440.")]
    public int NetworkWindowMinutes { get; set; } = 15;

    [Range(1, 1000, ErrorMessage = "Sharekeep:Passwords:ClientFailures must be between 1 and 1000.")]
    public int ClientFailures { get; set; } = 5;

    [Range(1, 1440, ErrorMessage = "Sharekeep:Passwords:ClientWindowMinutes must be between 1 and 1440.")]
    public int ClientWindowMinutes { get; set; } = 1;

    /// <summary>Hashes at once; 0 means one per core.</summary>
    [Range(0, 256, ErrorMessage = "Sharekeep:Passwords:ConcurrentChecks must be between 0 (one per core) and 256.")]
    public int ConcurrentChecks { get; set; }

    /// <summary>Tries waiting for a check; 0 means two per core.</summary>
    [Range(0, 10000, ErrorMessage = "Sharekeep:Passwords:QueuedChecks must be between 0 (two per core) and 10000.")]
    public int QueuedChecks { get; set; }

    /// <summary>Hashes started per minute, evenly spread; 0 means 30 per core.</summary>
    [Range(0, 60000, ErrorMessage = "Sharekeep:Passwords:ChecksPerMinute must be between 0 (30 per core) and 60000.")]
    public int ChecksPerMinute { get; set; }

    /// <summary>How long a refused try waits before its answer (no CPU; it paces guessers); 0 answers at once.</summary>
    [Range(0, 10000, ErrorMessage = "Sharekeep:Passwords:RefusalDelayMilliseconds must be between 0 and 10000.")]
    public int RefusalDelayMilliseconds { get; set; } = 1000;

    public PasswordLimits ToLimits()
    {
        var cores = Environment.ProcessorCount;
        return new PasswordLimits
        {
            LinkFailures = LinkFailures,
            LinkWindow = TimeSpan.FromMinutes(LinkWindowMinutes),
            NetworkFailures = NetworkFailures,
            NetworkWindow = TimeSpan.FromMinutes(NetworkWindowMinutes),
            ClientFailures = ClientFailures,
            ClientWindow = TimeSpan.FromMinutes(ClientWindowMinutes),
            ConcurrentChecks = ConcurrentChecks > 0 ? ConcurrentChecks : cores,
            QueuedChecks = QueuedChecks > 0 ? QueuedChecks : 2 * cores,
            ChecksPerMinute = ChecksPerMinute > 0 ? ChecksPerMinute : 30 * cores,
            RefusalDelay = TimeSpan.FromMilliseconds(RefusalDelayMilliseconds),
        };
    }
}
