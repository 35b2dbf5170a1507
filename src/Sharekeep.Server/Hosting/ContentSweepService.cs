using Sharekeep.Storage.Stores;

namespace Sharekeep.Server.Hosting;

/// <summary>Sweeps the content folder once after start-up, in the background, so that start-up never waits for it.</summary>
internal sealed partial class ContentSweepService(ContentSweeper sweeper, ILogger<ContentSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: listing a large folder must not delay the first request.
        await Task.Yield();
        try
        {
            var removed = await sweeper.SweepAsync(stoppingToken);
            if (removed > 0)
            {
                LogSwept(logger, removed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A sweep is housekeeping: failing it must not stop the server, and the next start tries again.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} files left in the content folder by interrupted uploads.")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep the content folder; it will be tried again at the next start.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
