using System.Threading.RateLimiting;

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
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _linksInFlight = [];
    private readonly Dictionary<string, int> _networksInFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid, string), int> _clientsInFlight = [];
    private long _recorded;
    private int _delayedRefusals;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public PasswordGuard(PasswordLimits limits, TimeProvider time)
    {
        _limits = limits;
        _time = time;
        _concurrent = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.ConcurrentChecks,
            QueueLimit = limits.QueuedChecks,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.ChecksPerSecond,
            TokensPerPeriod = limits.ChecksPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = limits.QueuedChecks,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public PasswordLimits Limits => _limits;

    /// <summary>When the link's count falls under its limit, if it is at the limit now (newest failures first).</summary>
    public DateTimeOffset? LockedUntil(IReadOnlyList<PasswordFailure> newestFirst) =>
        newestFirst.Count >= _limits.LinkFailures ? newestFirst[_limits.LinkFailures - 1].At + _limits.LinkWindow : null;

    /// <summary>Tries waiting for a free check now.</summary>
    internal long QueuedForCheck => _concurrent.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>
    /// Checks <paramref name="verify"/> (the hash comparison) unless a limit says not to; a wrong password is
    /// recorded in <paramref name="failures"/>, a right one writes nothing.
    /// </summary>
    public async Task<PasswordCheck> CheckAsync(
        IPasswordFailureStore failures, Guid linkId, string network, Func<bool> verify, CancellationToken cancellationToken)
    {
        var reserved = await ReserveAsync(failures, linkId, network, cancellationToken);
        if (reserved is { } refusal)
        {
            return await RefuseAsync(refusal, cancellationToken);
        }
        try
        {
            var right = await CheckWithinBoundsAsync(verify, cancellationToken);
            if (right is null)
            {
                return await RefuseAsync(new PasswordCheck(PasswordVerdict.Busy, BusyRetryAfter), cancellationToken);
            }
            if (right.Value)
            {
                return new PasswordCheck(PasswordVerdict.Right);
            }
            var now = _time.GetUtcNow();
            // Recorded even if the visitor has gone: the guess was made.
            await failures.RecordAsync(new PasswordFailure(linkId, network, now), CancellationToken.None);
            Interlocked.Increment(ref _recorded);
            await PruneNowAndThenAsync(failures, now);
            return new PasswordCheck(PasswordVerdict.Wrong);
        }
        finally
        {
            Release(linkId, network);
        }
    }

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

    /// <summary>Null when the try may be checked (and it is then counted as in flight), else the refusal.</summary>
    private async Task<PasswordCheck?> ReserveAsync(
        IPasswordFailureStore failures, Guid linkId, string network, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxReReads; attempt++)
        {
            var recordedBefore = Interlocked.Read(ref _recorded);
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
                if (Interlocked.Read(ref _recorded) != recordedBefore)
                {
                    continue;
                }
                var clientTimes = forLink.Where(f => f.Network == network && f.At > now - _limits.ClientWindow).Select(f => f.At).ToList();
                var wait = Over(forLink.Select(f => f.At).ToList(), _linksInFlight.GetValueOrDefault(linkId), _limits.LinkFailures, _limits.LinkWindow, now)
                    ?? Over(forNetwork, _networksInFlight.GetValueOrDefault(network), _limits.NetworkFailures, _limits.NetworkWindow, now)
                    ?? Over(clientTimes, _clientsInFlight.GetValueOrDefault((linkId, network)), _limits.ClientFailures, _limits.ClientWindow, now);
                if (wait is { } locked)
                {
                    return new PasswordCheck(PasswordVerdict.Locked, locked);
                }
                Increment(_linksInFlight, linkId);
                Increment(_networksInFlight, network);
                Increment(_clientsInFlight, (linkId, network));
                return null;
            }
        }
        return new PasswordCheck(PasswordVerdict.Busy, BusyRetryAfter);
    }

    /// <summary>
    /// How long until a count is under its limit again, or null if it is under now. Failures are newest first;
    /// tries in flight will be failures or successes soon, so they count as a short wait rather than none.
    /// </summary>
    private static TimeSpan? Over(IReadOnlyList<DateTimeOffset> newestFirst, int inFlight, int limit, TimeSpan window, DateTimeOffset now)
    {
        if (newestFirst.Count + inFlight < limit)
        {
            return null;
        }
        if (newestFirst.Count < limit)
        {
            return BusyRetryAfter;
        }
        var wait = newestFirst[limit - 1] + window - now;
        return wait > TimeSpan.Zero ? wait : BusyRetryAfter;
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
            return verify();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Release(Guid linkId, string network)
    {
        lock (_lock)
        {
            Decrement(_linksInFlight, linkId);
            Decrement(_networksInFlight, network);
            Decrement(_clientsInFlight, (linkId, network));
        }
    }

    private async Task PruneNowAndThenAsync(IPasswordFailureStore failures, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (now - _lastPrune < TimeSpan.FromMinutes(1))
            {
                return;
            }
            _lastPrune = now;
        }
        await failures.PruneAsync(now - _limits.Retention, CancellationToken.None);
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
    }
}
