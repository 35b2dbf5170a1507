using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sharekeep.Core.Telemetry;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Storage.Postgres;

/// <summary>
/// Keeps this instance's <see cref="StorageCache"/> in step with every other instance. Triggers in the database
/// announce each committed change on <see cref="Channel"/> (in the writing transaction, so no commit goes
/// unannounced); this listener invalidates what each notice names. While it is not connected, or cannot prove its
/// connection alive, the cache is suspended and every read goes to the database.
/// </summary>
internal sealed partial class PostgresChangeListener : BackgroundService
{
    public const string Channel = "sharekeep_changes";

    /// <summary>How the listener's connection shows in pg_stat_activity.</summary>
    public const string ApplicationName = "sharekeep-listener";

    /// <summary>Silence longer than this is checked with a query; a connection that cannot answer is dropped.</summary>
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    private const int HeartbeatTimeoutSeconds = 2;

    /// <summary>
    /// How long the cache may serve after the last proof that the connection is alive (a notice, an answered
    /// heartbeat): the bound on staleness when a connection dies silently.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(2);

    private readonly string _connectionString;
    private readonly StorageCache _cache;
    private readonly ILogger<PostgresChangeListener> _logger;
    private readonly SharekeepMetrics _metrics;

    // A channel only this listener hears: the heartbeat is a notice to it, so its arrival time is the delay a change
    // notice takes through the server's queue (an operator's "notice lag"), and old versions never see it.
    private readonly string _probeChannel = "sharekeep_probe_" + Guid.NewGuid().ToString("N");
    private long _probeSent;

    public PostgresChangeListener(string connectionString, StorageCache cache, ILogger<PostgresChangeListener> logger, SharekeepMetrics? metrics = null)
    {
        _metrics = metrics ?? SharekeepMetrics.Unobserved;
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ApplicationName,
            // LISTEN needs one session for its lifetime, not a pooled connection shared with queries.
            Pooling = false,
            CommandTimeout = HeartbeatTimeoutSeconds,
        }.ToString();
        _cache = cache;
        _logger = logger;
        // Nothing is served from memory until the first LISTEN is in place.
        _cache.Suspend();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryDelay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(onListening: () => retryDelay = FirstRetryDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                _cache.Suspend();
                LogConnectionLost(_logger, exception.Message, retryDelay.TotalMilliseconds);
                await Task.Delay(retryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
        _cache.Suspend();
    }

    private async Task ListenAsync(Action onListening, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        connection.Notification += (_, notice) =>
        {
            if (notice.Channel == _probeChannel)
            {
                _metrics.NoticeArrived(Stopwatch.GetElapsedTime(Interlocked.Read(ref _probeSent)));
                return;
            }
            Apply(notice.Payload);
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {_probeChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        // Every change committed from here on will be announced; what was missed before is read afresh.
        _cache.Resume(Lease);
        onListening();
        LogListening(_logger);

        await using var heartbeat = new NpgsqlCommand($"SELECT pg_notify('{_probeChannel}', '')", connection);
        var lastHeartbeat = Stopwatch.GetTimestamp();
        while (true)
        {
            // Notices that arrived before an answer are applied before the answer is read, so renewing after
            // either one never covers a change that is still unapplied. The heartbeat also goes out once a second
            // while changes keep arriving, so the notice lag is measured when it matters most.
            if (!await connection.WaitAsync(HeartbeatInterval, stoppingToken) || Stopwatch.GetElapsedTime(lastHeartbeat) >= HeartbeatInterval)
            {
                lastHeartbeat = Stopwatch.GetTimestamp();
                Interlocked.Exchange(ref _probeSent, lastHeartbeat);
                await heartbeat.ExecuteScalarAsync(stoppingToken);
            }
            _cache.Renew(Lease);
        }
    }

    private void Apply(string payload)
    {
        if (Change.Parse(payload) is { } change)
        {
            _cache.Invalidate(change);
        }
        else
        {
            // A notice from a newer version, say: safest to forget everything.
            _cache.InvalidateAll();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for changes made by other instances.")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change listener lost its connection ({Reason}); serving from the database until it reconnects, next try in {DelayMs} ms.")]
    private static partial void LogConnectionLost(ILogger logger, string reason, double delayMs);
}
