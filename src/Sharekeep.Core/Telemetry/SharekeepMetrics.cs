using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sharekeep.Core.Telemetry;

/// <summary>
/// Sharekeep's own instruments (meter <see cref="MeterName"/>). Labels are drawn only from small fixed sets (a
/// kind, an outcome, a cache area, a reason): never a key, a password, a file name or an address, which would
/// leak credentials to whoever reads the metrics and give every visitor a time series of their own. With no
/// listener (metrics off, the default) recording is a check of a flag.
/// </summary>
public sealed class SharekeepMetrics : IDisposable
{
    public const string MeterName = "Sharekeep";

    /// <summary>For code built without a host (tests, tools): the instruments work, nobody is listening.</summary>
    public static SharekeepMetrics Unobserved { get; } = new(null);

    private readonly Meter _meter;
    private readonly Counter<long> _resolves;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _passwordChecks;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _policyChanges;
    private readonly Counter<long> _uploads;
    private readonly Counter<long> _uploadedBytes;
    private readonly Counter<long> _servedBytes;
    private readonly Histogram<double> _noticeLag;
    private readonly Counter<long> _activityFlushes;
    private readonly Counter<long> _activityFlushedLinkDays;
    private readonly Counter<long> _activityDropped;

    public SharekeepMetrics(IMeterFactory? factory)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _resolves = _meter.CreateCounter<long>("sharekeep.resolves", "{resolve}", "Visitors' opens of share and file links, by link kind and outcome.");
        _cacheHits = _meter.CreateCounter<long>("sharekeep.cache.hits", "{lookup}", "Record lookups answered from memory, by area.");
        _cacheMisses = _meter.CreateCounter<long>("sharekeep.cache.misses", "{lookup}", "Record lookups that read the database, by area.");
        _passwordChecks = _meter.CreateCounter<long>("sharekeep.password.checks", "{try}", "Visitors' password tries, by outcome (right, wrong, locked, busy).");
        _lockouts = _meter.CreateCounter<long>("sharekeep.password.lockouts", "{lockout}", "Wrong passwords that reached a limit, by what they locked (link, network, client).");
        _policyChanges = _meter.CreateCounter<long>("sharekeep.policy.changes", "{change}", "Sharing switches and link policy changes made on this instance, by setting.");
        _uploads = _meter.CreateCounter<long>("sharekeep.uploads", "{file}", "Files stored.");
        _uploadedBytes = _meter.CreateCounter<long>("sharekeep.uploads.bytes", "By", "Bytes of files stored.");
        _servedBytes = _meter.CreateCounter<long>("sharekeep.files.served.bytes", "By", "Bytes of file content answered (whole files and ranges; handed to a proxy counts the file's length).");
        _activityFlushes = _meter.CreateCounter<long>("sharekeep.activity.flushes", "{batch}", "Batches of per-link activity written to the database.");
        _activityFlushedLinkDays = _meter.CreateCounter<long>("sharekeep.activity.flushed", "{link_day}", "Link-days of activity written, all batches together.");
        _activityDropped = _meter.CreateCounter<long>(
            "sharekeep.activity.dropped", "{count}", "Activity not kept because a bound was reached, by what (link_days, visitors, unsalted).");
        _noticeLag = _meter.CreateHistogram<double>(
            "sharekeep.change_feed.notice_lag", "s", "Time from a notice sent through PostgreSQL to its arrival at this instance's listener (a probe each second).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    /// <summary>
    /// This instance's meter: a listener that must tell one host's measurements from another's in the same process
    /// (tests) listens to it, since exporters listen by name to every meter called <see cref="MeterName"/>.
    /// </summary>
    public Meter Meter => _meter;

    public void Resolved(string kind, string outcome)
    {
        if (_resolves.Enabled)
        {
            _resolves.Add(1, new TagList { { "link.kind", kind }, { "outcome", outcome } });
        }
    }

    public void CacheHit(string area)
    {
        if (_cacheHits.Enabled)
        {
            _cacheHits.Add(1, new KeyValuePair<string, object?>("area", area));
        }
    }

    public void CacheMiss(string area)
    {
        if (_cacheMisses.Enabled)
        {
            _cacheMisses.Add(1, new KeyValuePair<string, object?>("area", area));
        }
    }

    public void PasswordChecked(string outcome) => _passwordChecks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void LockedOut(string scope) => _lockouts.Add(1, new KeyValuePair<string, object?>("scope", scope));

    public void PolicyChanged(string setting) => _policyChanges.Add(1, new KeyValuePair<string, object?>("setting", setting));

    public void Uploaded(long bytes)
    {
        _uploads.Add(1);
        _uploadedBytes.Add(bytes);
    }

    public void Served(long bytes)
    {
        if (_servedBytes.Enabled)
        {
            _servedBytes.Add(bytes);
        }
    }

    public void ActivityFlushed(int linkDays)
    {
        _activityFlushes.Add(1);
        _activityFlushedLinkDays.Add(linkDays);
    }

    public void ActivityDropped(string what)
    {
        if (_activityDropped.Enabled)
        {
            _activityDropped.Add(1, new KeyValuePair<string, object?>("what", what));
        }
    }

    public void NoticeArrived(TimeSpan lag) => _noticeLag.Record(lag.TotalSeconds);

    /// <summary>A value read whenever metrics are collected (a queue's length, a feed's state), never pushed.</summary>
    public void Observe(string name, string unit, string description, Func<long> read) =>
        _meter.CreateObservableGauge(name, read, unit, description);

    /// <summary>A total read whenever metrics are collected (it only grows).</summary>
    public void ObserveTotal(string name, string unit, string description, Func<long> read) =>
        _meter.CreateObservableCounter(name, read, unit, description);

    public void Dispose() => _meter.Dispose();
}
