using System.Collections.Concurrent;
using System.Security.Cryptography;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Activity;

/// <summary>
/// Counts what visitors do with links, in memory (<see cref="ActivityBuffer"/>), and writes it in batches. A visitor's
/// request only classifies, hashes and adds; the salts it hashes with are fetched ahead by the flush, so a request
/// never waits for the database. Off (<see cref="Enabled"/> false), nothing is counted.
/// </summary>
public sealed class LinkActivity(ActivityBuffer buffer, TimeProvider time, bool enabled = true, SharekeepMetrics? metrics = null) : IDisposable
{
    private readonly SharekeepMetrics _metrics = metrics ?? SharekeepMetrics.Unobserved;
    private readonly ConcurrentDictionary<DateOnly, byte[]> _salts = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private ActivityBatch? _unsent;

    public bool Enabled => enabled;

    public ActivityBuffer Buffer => buffer;

    /// <summary>A view or a download of an open link, unless the request is a preview (<see cref="VisitClassifier"/>).</summary>
    public void Visited(ActivityLink link, ActivityEvent use, VisitRequest request, string address)
    {
        if (!enabled)
        {
            return;
        }
        var now = time.GetUtcNow();
        var day = ActivityDay.Of(now);
        if (VisitClassifier.IsPreview(request))
        {
            buffer.Add(link, day, ActivityEvent.Preview, now);
            return;
        }
        UInt128? visitor = null;
        if (_salts.TryGetValue(day, out var salt))
        {
            visitor = VisitorHash.Of(salt, address, request.UserAgent);
        }
        else
        {
            // Only while the database could not be asked for today's salt: the view counts, its visitor does not.
            _metrics.ActivityDropped("unsalted");
        }
        buffer.Add(link, day, use, now, visitor);
    }

    /// <summary>A wrong password for a link; <paramref name="lockedOut"/> when it reached a limit of the password guard.</summary>
    public void PasswordFailed(ActivityLink link, bool lockedOut)
    {
        if (!enabled)
        {
            return;
        }
        var now = time.GetUtcNow();
        var day = ActivityDay.Of(now);
        buffer.Add(link, day, ActivityEvent.PasswordFailure, now);
        if (lockedOut)
        {
            buffer.Add(link, day, ActivityEvent.Lockout, now);
        }
    }

    /// <summary>
    /// Makes sure today's and tomorrow's salts are known (fetching or creating them in the store), and forgets older
    /// ones: yesterday's visitors can no longer be told apart from anyone else once its salt is gone.
    /// </summary>
    public async Task RefreshSaltsAsync(ILinkActivityStore store, CancellationToken cancellationToken)
    {
        var today = ActivityDay.Of(time.GetUtcNow());
        foreach (var day in new[] { today, today.AddDays(1) })
        {
            if (!_salts.ContainsKey(day))
            {
                _salts[day] = await store.SaltAsync(day, RandomNumberGenerator.GetBytes(VisitorHash.SaltBytes), cancellationToken);
            }
        }
        foreach (var old in _salts.Keys.Where(d => d < today))
        {
            _salts.TryRemove(old, out _);
        }
    }

    /// <summary>
    /// Writes what was counted since the last flush; answers the links whose first view is in it. A batch the store
    /// refused (the database is down) is kept and written first by the next flush, while new counts gather in the
    /// buffer within its bounds; only a crash loses counts, those of the batch not yet written.
    /// </summary>
    public async Task<IReadOnlyList<ActivityLink>> FlushAsync(ILinkActivityStore store, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = _unsent ?? buffer.Drain();
            if (batch.IsEmpty)
            {
                return [];
            }
            _unsent = batch;
            var firstViews = await store.AddAsync(batch, buffer.Limits.MaxVisitorsPerLinkDay, cancellationToken);
            _unsent = null;
            buffer.Committed(batch, ActivityDay.Of(time.GetUtcNow()));
            _metrics.ActivityFlushed(batch.Deltas.Count);
            return firstViews;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// Deletes days past the retention, salts of days that ended, and visitors' hashes once no flush can add to their
    /// day (a batch counted before midnight is written just after it): the day's visitor count stays.
    /// </summary>
    public Task SweepAsync(ILinkActivityStore store, CancellationToken cancellationToken)
    {
        var today = ActivityDay.Of(time.GetUtcNow());
        return store.SweepAsync(today.AddDays(1 - buffer.Limits.RetentionDays), today.AddDays(-1), today, cancellationToken);
    }

    /// <summary>The first day of a series of <paramref name="days"/> ending today.</summary>
    public DateOnly FirstDayOf(int days) => ActivityDay.Of(time.GetUtcNow()).AddDays(1 - days);

    public DateOnly Today => ActivityDay.Of(time.GetUtcNow());

    public void Dispose() => _flushing.Dispose();
}
