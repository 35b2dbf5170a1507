namespace Sharekeep.Core.Links.Passwords;

/// <summary>One wrong password: for which link, from which client network, when.</summary>
public sealed record PasswordFailure(Guid LinkId, string Network, DateTimeOffset At);

/// <summary>
/// The failure that brings a link's count to <paramref name="Limit"/>: the try it ends locks the link until
/// <paramref name="LockedUntil"/>. Counted over failures after <paramref name="Since"/> (the window's start).
/// </summary>
public sealed record LinkLockout(PasswordFailure Failure, int Limit, DateTimeOffset Since, DateTimeOffset LockedUntil);

/// <summary>A link with failures in the window, for the administrator's list of locked links.</summary>
public sealed record LinkFailureCount(Guid LinkId, int Failures);

/// <summary>A client network with failures in the window, for the administrator's list of locked networks.</summary>
public sealed record NetworkFailureCount(string Network, int Failures);

/// <summary>
/// Wrong passwords, shared by every instance. Read on every try (a reader may keep what it read in memory until a
/// failure is recorded, anywhere); written only for a failure, never for a right password.
/// </summary>
public interface IPasswordFailureStore
{
    /// <summary>The newest failures for the link since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PasswordFailure>> RecentForLinkAsync(Guid linkId, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>The times of the newest failures from the network since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DateTimeOffset>> RecentForNetworkAsync(string network, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    Task RecordAsync(PasswordFailure failure, CancellationToken cancellationToken);

    /// <summary>
    /// Records the failure that, as its guard counted, locks the link, and announces the lockout (link.locked) in the
    /// same transaction: only if the link's count, read again there, is still one short of the limit, so that the
    /// same last guess made on two instances at once announces one lockout, not two.
    /// </summary>
    Task RecordLockoutAsync(LinkLockout lockout, CancellationToken cancellationToken);

    /// <summary>Links with at least <paramref name="atLeast"/> failures since <paramref name="since"/>, most failures first.</summary>
    Task<IReadOnlyList<LinkFailureCount>> LinksWithFailuresAsync(DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken);

    /// <summary>Networks with at least <paramref name="atLeast"/> failures since <paramref name="since"/>, most failures first.</summary>
    Task<IReadOnlyList<NetworkFailureCount>> NetworksWithFailuresAsync(DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Stops counting the link's failures for the link; they still count for the networks they came from, so an
    /// unlock gives a guesser nothing back. The number forgiven.
    /// </summary>
    Task<int> ForgetLinkAsync(Guid linkId, CancellationToken cancellationToken);

    /// <summary>Stops counting the network's failures for the network; they still count for their links.</summary>
    Task<int> ForgetNetworkAsync(string network, CancellationToken cancellationToken);

    /// <summary>Deletes failures older than <paramref name="before"/>.</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
