namespace Sharekeep.Core.Links.Passwords;

/// <summary>One wrong password: for which link, from which client network, when.</summary>
public sealed record PasswordFailure(Guid LinkId, string Network, DateTimeOffset At);

/// <summary>A link with failures in the window, for the administrator's list of locked links.</summary>
public sealed record LinkFailureCount(Guid LinkId, int Failures);

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

    /// <summary>Links with at least <paramref name="atLeast"/> failures since <paramref name="since"/>, most failures first.</summary>
    Task<IReadOnlyList<LinkFailureCount>> LinksWithFailuresAsync(DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets every failure for the link; the number forgotten.</summary>
    Task<int> ForgetLinkAsync(Guid linkId, CancellationToken cancellationToken);

    /// <summary>Deletes failures older than <paramref name="before"/>.</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
