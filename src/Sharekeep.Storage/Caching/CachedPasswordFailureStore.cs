using Sharekeep.Core.Links.Passwords;

namespace Sharekeep.Storage.Caching;

/// <summary>
/// A link's and a network's newest failures from memory, so that a flood of tries on a locked link costs no query.
/// Every failure recorded (here, or on another instance through its change notice) drops the two lists it
/// lengthens; a list read earlier only loses rows as they age, which the reader filters out by time.
/// </summary>
internal sealed class CachedPasswordFailureStore(Lazy<IPasswordFailureStore> inner, StorageCache cache) : IPasswordFailureStore
{
    public async Task<IReadOnlyList<PasswordFailure>> RecentForLinkAsync(
        Guid linkId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var cached = await cache.GetOrLoadAsync(
            ChangeArea.PasswordLink,
            linkId.ToString(),
            async () => new Newest<PasswordFailure>(await inner.Value.RecentForLinkAsync(linkId, since, limit, cancellationToken)));
        return [.. cached!.Rows.TakeWhile(f => f.At > since).Take(limit)];
    }

    public async Task<IReadOnlyList<DateTimeOffset>> RecentForNetworkAsync(
        string network, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var cached = await cache.GetOrLoadAsync(
            ChangeArea.PasswordNetwork,
            network,
            async () => new Newest<DateTimeOffset>(await inner.Value.RecentForNetworkAsync(network, since, limit, cancellationToken)));
        return [.. cached!.Rows.TakeWhile(at => at > since).Take(limit)];
    }

    public Task RecordAsync(PasswordFailure failure, CancellationToken cancellationToken) =>
        cache.WriteAsync(
            () => inner.Value.RecordAsync(failure, cancellationToken),
            LinkChange(failure.LinkId),
            NetworkChange(failure.Network));

    public Task RecordLockoutAsync(LinkLockout lockout, CancellationToken cancellationToken) =>
        cache.WriteAsync(
            () => inner.Value.RecordLockoutAsync(lockout, cancellationToken),
            LinkChange(lockout.Failure.LinkId),
            NetworkChange(lockout.Failure.Network));

    public Task<IReadOnlyList<LinkFailureCount>> LinksWithFailuresAsync(
        DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken) =>
        inner.Value.LinksWithFailuresAsync(since, atLeast, limit, cancellationToken);

    public Task<IReadOnlyList<NetworkFailureCount>> NetworksWithFailuresAsync(
        DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken) =>
        inner.Value.NetworksWithFailuresAsync(since, atLeast, limit, cancellationToken);

    /// <summary>The networks' counts stay as they were, so only the link's list goes.</summary>
    public Task<int> ForgetLinkAsync(Guid linkId, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.ForgetLinkAsync(linkId, cancellationToken), LinkChange(linkId));

    /// <summary>The links' counts stay as they were, so only the network's list goes.</summary>
    public Task<int> ForgetNetworkAsync(string network, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.ForgetNetworkAsync(network, cancellationToken), NetworkChange(network));

    /// <summary>Only failures outside every window go, which no reader counts: nothing cached changes meaning.</summary>
    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.Value.PruneAsync(before, cancellationToken);

    private static Change LinkChange(Guid linkId) => new(ChangeArea.PasswordLink, linkId.ToString());

    private static Change NetworkChange(string network) => new(ChangeArea.PasswordNetwork, network);

    private sealed record Newest<T>(IReadOnlyList<T> Rows);
}
