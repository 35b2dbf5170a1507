using Microsoft.Extensions.Options;
using Sharekeep.Core.Activity;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// Writes counted activity every <see cref="ActivityOptions.FlushSeconds"/> and once more when the host stops;
/// fetches the days' salts before the first visitor and ahead of midnight; deletes old days once an hour.
/// </summary>
internal sealed partial class ActivityFlushService(
    IServiceScopeFactory scopes, LinkActivity activity, IOptions<ActivityOptions> options, TimeProvider time, ILogger<ActivityFlushService> logger)
    : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the first request where possible, so that the first visitors are told apart too.
        await RunAsync(flush: false, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await OnOwnThreadAsync(() => RunAsync(flush: true, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await RunAsync(flush: true, cancellationToken, sweep: false);
    }

    /// <summary>
    /// SQLite's work is synchronous under its async API, so on the thread pool a flush held one of a busy server's
    /// few workers from start to end; on one core, the only one, and visitors waited for it (evaluate's p99 was the
    /// flush's length, about a second, in the bench). On a thread of its own it leaves the pool to the visitors and
    /// the OS shares the core between them.
    /// </summary>
    private static Task OnOwnThreadAsync(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(bool flush, CancellationToken cancellationToken, bool sweep = true)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ILinkActivityStore>();
            await activity.RefreshSaltsAsync(store, cancellationToken);
            if (flush)
            {
                await activity.FlushAsync(store, cancellationToken);
            }
            if (sweep && time.GetUtcNow() >= _nextSweep)
            {
                await activity.SweepAsync(store, cancellationToken);
                _nextSweep = time.GetUtcNow() + SweepInterval;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The counts stay in memory (within their bounds) and the next tick tries again.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write link activity; trying again at the next flush.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
