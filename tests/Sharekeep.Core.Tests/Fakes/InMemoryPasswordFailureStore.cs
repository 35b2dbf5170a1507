using Sharekeep.Core.Links.Passwords;

namespace Sharekeep.Core.Tests.Fakes;

internal sealed class InMemoryPasswordFailureStore : IPasswordFailureStore
{
    private readonly List<PasswordFailure> _failures = [];
    private readonly HashSet<PasswordFailure> _linkForgiven = [];
    private readonly HashSet<PasswordFailure> _networkForgiven = [];
    private readonly Lock _lock = new();

    public int Recorded { get; private set; }

    /// <summary>Runs while a link's failures are being read, before they are: to make something happen meanwhile.</summary>
    public Func<Task>? WhileReading { get; set; }

    public async Task<IReadOnlyList<PasswordFailure>> RecentForLinkAsync(Guid linkId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        if (WhileReading is { } meanwhile)
        {
            await meanwhile();
        }
        lock (_lock)
        {
            return [.. _failures.Where(f => f.LinkId == linkId && !_linkForgiven.Contains(f) && f.At > since).OrderByDescending(f => f.At).Take(limit)];
        }
    }

    public Task<IReadOnlyList<DateTimeOffset>> RecentForNetworkAsync(string network, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DateTimeOffset>>(
                [.. _failures.Where(f => f.Network == network && !_networkForgiven.Contains(f) && f.At > since).OrderByDescending(f => f.At).Take(limit).Select(f => f.At)]);
        }
    }

    public Task RecordAsync(PasswordFailure failure, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _failures.Add(failure);
            Recorded++;
        }
        return Task.CompletedTask;
    }

    /// <summary>The lockouts announced, in order.</summary>
    public List<LinkLockout> Lockouts { get; } = [];

    public async Task RecordLockoutAsync(LinkLockout lockout, CancellationToken cancellationToken)
    {
        await RecordAsync(lockout.Failure, cancellationToken);
        lock (_lock)
        {
            Lockouts.Add(lockout);
        }
    }

    public Task<IReadOnlyList<LinkFailureCount>> LinksWithFailuresAsync(DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<LinkFailureCount>>(
            [
                .. _failures.Where(f => f.At > since && !_linkForgiven.Contains(f)).GroupBy(f => f.LinkId)
                    .Where(g => g.Count() >= atLeast)
                    .OrderByDescending(g => g.Count())
                    .Take(limit)
                    .Select(g => new LinkFailureCount(g.Key, g.Count())),
            ]);
        }
    }

    public Task<IReadOnlyList<NetworkFailureCount>> NetworksWithFailuresAsync(DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<NetworkFailureCount>>(
            [
                .. _failures.Where(f => f.At > since && !_networkForgiven.Contains(f)).GroupBy(f => f.Network)
                    .Where(g => g.Count() >= atLeast)
                    .OrderByDescending(g => g.Count())
                    .Take(limit)
                    .Select(g => new NetworkFailureCount(g.Key, g.Count())),
            ]);
        }
    }

    public Task<int> ForgetLinkAsync(Guid linkId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_failures.Where(f => f.LinkId == linkId).Count(_linkForgiven.Add));
        }
    }

    public Task<int> ForgetNetworkAsync(string network, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_failures.Where(f => f.Network == network).Count(_networkForgiven.Add));
        }
    }

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _failures.RemoveAll(f => f.At < before);
        }
        return Task.CompletedTask;
    }
}
