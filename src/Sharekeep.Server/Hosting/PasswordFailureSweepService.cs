using Sharekeep.Core.Links.Passwords;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// Deletes wrong-password records that no window counts any more, once a minute: they name client networks,
/// and are kept no longer than they are needed, whether or not anyone is guessing.
/// </summary>
internal sealed partial class PasswordFailureSweepService(
    IServiceScopeFactory scopes, PasswordGuard guard, TimeProvider time, ILogger<PasswordFailureSweepService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SweepOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await guard.PruneAsync(scope.ServiceProvider.GetRequiredService<IPasswordFailureStore>(), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Housekeeping: the next tick tries again.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old wrong-password records; trying again in a minute.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
