using System.Threading.RateLimiting;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Links.Passwords;

/// <summary>
/// Decides whether a visitor's password is checked at all, and checks it within a bounded share of the CPU.
/// The counts come from <see cref="IPasswordFailureStore"/> (shared by every instance); tries still being checked
/// on this instance count too, so parallel requests cannot slip past a limit. Beyond the check limits a try waits
/// in a short queue, and beyond the queue it is refused at once: a flood of tries costs a lookup each, not a hash.
/// One per process.
/// </summary>
public sealed class PasswordGuard : IDisposable
{
    /// <summary>The longest a try waits for a check before it is refused.</summary>
    public static readonly TimeSpan MaxQueueWait = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);
    private const int MaxReReads = 3;

    private readonly PasswordLimits _limits;
    private readonly TimeProvider _time;
    private readonly ConcurrencyLimiter _concurrent;
    private readonly TokenBucketRateLimiter _rate;
    private readonly PasswordCheckThreads _threads;
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _linksInFlight = [];
    private readonly Dictionary<string, int> _networksInFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid, string), int> _clientsInFlight = [];
    // Failures recorded by this instance, counted in stripes by link and by network: a try whose counts were read
    // while a failure of its own link or network was being recorded reads them again, and a failure anywhere else
    // (another link guessed at meanwhile) does not make it read again. Two keys in one stripe only cost a re-read.
    private const int Stripes = 64;
    private readonly long[] _recordedForLinks = new long[Stripes];
    private readonly long[] _recordedForNetworks = new long[Stripes];
    private int _delayedRefusals;
    private readonly SharekeepMetrics _metrics;

    public PasswordGuard(PasswordLimits limits, TimeProvider time, SharekeepMetrics? metrics = null)
    {
        _limits = limits;
        _time = time;
        _metrics = metrics ?? SharekeepMetrics.Unobserved;
        _concurrent = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.ConcurrentChecks,
            QueueLimit = limits.QueuedChecks,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            // One token at a time, one per period: hashes spread evenly, never a burst that holds every core.
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limits.ChecksPerMinute,
            QueueLimit = limits.QueuedChecks,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        _threads = new PasswordCheckThreads(limits.ConcurrentChecks);
        _metrics.Observe("sharekeep.password.queue", "{try}", "Password tries waiting for a free check on this instance.", () => QueuedForCheck);
    }

    public PasswordLimits Limits => _limits;

    /// <summary>When the link's count falls under its limit, if it is at the limit now (newest failures first).</summary>
    public DateTimeOffset? LockedUntil(IReadOnlyList<PasswordFailure> newestFirst) =>
        newestFirst.Count >= _limits.LinkFailures ? newestFirst[_limits.LinkFailures - 1].At + _limits.LinkWindow : null;

    /// <summary>When the network's count falls under its limit, if it is at the limit now (newest failures first).</summary>
    public DateTimeOffset? NetworkLockedUntil(IReadOnlyList<DateTimeOffset> newestFirst) =>
        newestFirst.Count >= _limits.NetworkFailures ? newestFirst[_limits.NetworkFailures - 1] + _limits.NetworkWindow : null;

    /// <summary>Tries waiting for a free check now.</summary>
    internal long QueuedForCheck => _concurrent.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>
    /// Checks <paramref name="verify"/> (the hash comparison) unless a limit says not to; a wrong password is
    /// recorded in <paramref name="failures"/>, a right one writes nothing.
    /// </summary>
    public async Task<PasswordCheck> CheckAsync(
        IPasswordFailureStore failures, Guid linkId, string network, Func<bool> verify, CancellationToken cancellationToken)
    {
        var (reserved, counted) = await ReserveAsync(failures, linkId, network, cancellationToken);
        if (reserved is { } refusal)
        {
            _metrics.PasswordChecked(refusal.Verdict == PasswordVerdict.Locked ? "locked" : "busy");
            return await RefuseAsync(refusal, cancellationToken);
        }
        bool? right;
        var lockedOut = false;
        try
        {
            right = await CheckWithinBoundsAsync(verify, cancellationToken);
            if (right == false)
            {
                // Recorded even if the visitor has gone: the guess was made.
                var failure = new PasswordFailure(linkId, network, _time.GetUtcNow());
                if (counted.Link + 1 == _limits.LinkFailures)
                {
                    // The guess that locks the link: the lockout is announced with it, once (not for the refused tries after).
                    var since = failure.At - _limits.LinkWindow;
                    await failures.RecordLockoutAsync(
                        new LinkLockout(failure, _limits.LinkFailures, since, (counted.OldestLinkFailure ?? failure.At) + _limits.LinkWindow),
                        CancellationToken.None);
                }
                else
                {
                    await failures.RecordAsync(failure, CancellationToken.None);
                }
                Interlocked.Increment(ref _recordedForLinks[Stripe(linkId)]);
                Interlocked.Increment(ref _recordedForNetworks[Stripe(network)]);
                lockedOut = CountLockouts(counted);
            }
        }
        finally
        {
            Release(linkId, network);
        }
        // A try that found no free check gives its place back before its answer waits, not after.
        _metrics.PasswordChecked(right switch { true => "right", false => "wrong", null => "busy" });
        return right switch
        {
            true => new PasswordCheck(PasswordVerdict.Right),
            false => new PasswordCheck(PasswordVerdict.Wrong) { LockedOut = lockedOut },
            null => await RefuseAsync(new PasswordCheck(PasswordVerdict.Busy, BusyRetryAfter), cancellationToken),
        };
    }

    /// <summary>Deletes failures that no window counts any more (they hold client networks: kept no longer than needed).</summary>
    public Task PruneAsync(IPasswordFailureStore failures, CancellationToken cancellationToken) =>
        failures.PruneAsync(_time.GetUtcNow() - _limits.Retention, cancellationToken);

    /// <summary>
    /// Holds a refusal back for <see cref="PasswordLimits.RefusalDelay"/> (real time, whatever clock counts the
    /// windows: it paces connections), unless too many are held already.
    /// </summary>
    private async Task<PasswordCheck> RefuseAsync(PasswordCheck refusal, CancellationToken cancellationToken)
    {
        if (_limits.RefusalDelay <= TimeSpan.Zero)
        {
            return refusal;
        }
        try
        {
            if (Interlocked.Increment(ref _delayedRefusals) <= _limits.MaxDelayedRefusals)
            {
                await Task.Delay(_limits.RefusalDelay, TimeProvider.System, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The visitor has gone; the refusal stands.
        }
        finally
        {
            Interlocked.Decrement(ref _delayedRefusals);
        }
        return refusal;
    }

    /// <summary>
    /// Null when the try may be checked (and it is then counted as in flight), with the failures already counted
    /// for its link, network and both; else the refusal.
    /// </summary>
    private async Task<(PasswordCheck? Refusal, FailureCounts Counted)> ReserveAsync(
        IPasswordFailureStore failures, Guid linkId, string network, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxReReads; attempt++)
        {
            var recordedBefore = Recorded(linkId, network);
            var now = _time.GetUtcNow();
            var forLink = await failures.RecentForLinkAsync(linkId, now - _limits.LinkWindow, _limits.LinkFailures, cancellationToken);
            IReadOnlyList<DateTimeOffset> forNetwork = [];
            if (forLink.Count < _limits.LinkFailures)
            {
                forNetwork = await failures.RecentForNetworkAsync(network, now - _limits.NetworkWindow, _limits.NetworkFailures, cancellationToken);
            }
            lock (_lock)
            {
                // A failure recorded here while the counts were read may be missing from them: read again.
                if (Recorded(linkId, network) != recordedBefore)
                {
                    continue;
                }
                var clientTimes = forLink.Where(f => f.Network == network && f.At > now - _limits.ClientWindow).Select(f => f.At).ToList();
                var refusal = Over(forLink.Select(f => f.At).ToList(), _linksInFlight.GetValueOrDefault(linkId), _limits.LinkFailures, _limits.LinkWindow, now)
                    ?? Over(forNetwork, _networksInFlight.GetValueOrDefault(network), _limits.NetworkFailures, _limits.NetworkWindow, now)
                    ?? Over(clientTimes, _clientsInFlight.GetValueOrDefault((linkId, network)), _limits.ClientFailures, _limits.ClientWindow, now);
                if (refusal is not null)
                {
                    return (refusal, default);
                }
                Increment(_linksInFlight, linkId);
                Increment(_networksInFlight, network);
                Increment(_clientsInFlight, (linkId, network));
                return (null, new FailureCounts(forLink.Count, forNetwork.Count, clientTimes.Count, forLink.Count > 0 ? forLink[^1].At : null));
            }
        }
        return (new PasswordCheck(PasswordVerdict.Busy, BusyRetryAfter), default);
    }

    /// <summary>
    /// The failures a try found counted before it; its own failure is the one that may reach a limit. The oldest of
    /// the link's is the first to age out: when it does, a lockout this try starts ends.
    /// </summary>
    private readonly record struct FailureCounts(int Link, int Network, int Client, DateTimeOffset? OldestLinkFailure);

    /// <summary>Counts the limits this failure reached; true if it reached any (the try locked something).</summary>
    private bool CountLockouts(FailureCounts before)
    {
        var locked = false;
        if (before.Link + 1 == _limits.LinkFailures)
        {
            _metrics.LockedOut("link");
            locked = true;
        }
        if (before.Network + 1 == _limits.NetworkFailures)
        {
            _metrics.LockedOut("network");
            locked = true;
        }
        if (before.Client + 1 == _limits.ClientFailures)
        {
            _metrics.LockedOut("client");
            locked = true;
        }
        return locked;
    }

    /// <summary>
    /// Null if a count is under its limit now; Locked, with how long until it is under again, if recorded failures
    /// reach it; Busy if only tries still in flight do (they will be failures or successes in a moment). Failures
    /// are newest first.
    /// </summary>
    private static PasswordCheck? Over(IReadOnlyList<DateTimeOffset> newestFirst, int inFlight, int limit, TimeSpan window, DateTimeOffset now)
    {
        if (newestFirst.Count + inFlight < limit)
        {
            return null;
        }
        if (newestFirst.Count < limit)
        {
            return new PasswordCheck(PasswordVerdict.Busy, BusyRetryAfter);
        }
        var wait = newestFirst[limit - 1] + window - now;
        return new PasswordCheck(PasswordVerdict.Locked, wait > TimeSpan.Zero ? wait : BusyRetryAfter);
    }

    private async Task<bool?> CheckWithinBoundsAsync(Func<bool> verify, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(MaxQueueWait, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var token = await _rate.AcquireAsync(1, deadline.Token);
            if (!token.IsAcquired)
            {
                return null;
            }
            using var permit = await _concurrent.AcquireAsync(1, deadline.Token);
            if (!permit.IsAcquired)
            {
                return null;
            }
            return await _threads.RunAsync(verify);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private (long Link, long Network) Recorded(Guid linkId, string network) =>
        (Interlocked.Read(ref _recordedForLinks[Stripe(linkId)]), Interlocked.Read(ref _recordedForNetworks[Stripe(network)]));

    internal static int Stripe<TKey>(TKey key)
        where TKey : notnull => (int)((uint)EqualityComparer<TKey>.Default.GetHashCode(key) % Stripes);

    private void Release(Guid linkId, string network)
    {
        lock (_lock)
        {
            Decrement(_linksInFlight, linkId);
            Decrement(_networksInFlight, network);
            Decrement(_clientsInFlight, (linkId, network));
        }
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Decrement<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        var left = counts.GetValueOrDefault(key) - 1;
        if (left <= 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = left;
        }
    }

    public void Dispose()
    {
        _concurrent.Dispose();
        _rate.Dispose();
        _threads.Dispose();
    }
}
