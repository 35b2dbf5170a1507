using Microsoft.Extensions.Options;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Server.Native.Webhooks;

/// <summary>
/// Delivers the outbox: claims due messages (a lease, so one instance sends each), sends them, records every attempt
/// and the message's next state: delivered, due again after the schedule's next wait, or failed after its last.
/// Also writes the time-based link.expired events and trims old messages and attempts.
/// </summary>
internal sealed partial class WebhookDeliveryService(
    IServiceScopeFactory scopes, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    private const int ExpiryBatch = 500;
    private const int ExpiryBatchesPerRun = 20;
    private static readonly TimeSpan TrimInterval = TimeSpan.FromHours(1);

    private readonly WebhookOptions _options = options.Value;
    private readonly TimeSpan[] _retryDelays = options.Value.RetryDelays();
    private DateTimeOffset _nextExpirySweep = DateTimeOffset.MinValue;
    private DateTimeOffset _nextTrim = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(_options.PollIntervalMilliseconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    await HousekeepAsync(stoppingToken);
                    claimed = await DeliverDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The database may be restarting: the messages wait in the outbox, and the next round tries again.
                    LogRoundFailed(logger, exception);
                }
                if (claimed < _options.BatchSize)
                {
                    await Task.Delay(poll, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a message being sent keeps its lease until it runs out, then another instance (or the next start) sends it.
        }
    }

    private async Task<int> DeliverDueAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<WebhookDelivery> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<IWebhookOutbox>()
                .ClaimAsync(_options.BatchSize, time.GetUtcNow(), _options.Lease, stoppingToken);
        }
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = WebhookOptions.ParallelSends, CancellationToken = stoppingToken },
            async (delivery, ct) =>
            {
                try
                {
                    var result = await sender.SendAsync(delivery, ct);
                    var retryAt = result.Succeeded ? null : RetryAt(delivery.Attempts, result.At);
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IWebhookOutbox>().RecordAsync(delivery, result, retryAt, ct);
                    if (!result.Succeeded)
                    {
                        LogAttemptFailed(logger, delivery.MessageId, delivery.EndpointId, delivery.Attempts + 1, result.StatusCode, result.Error, retryAt);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // One message that could not be recorded (its endpoint deleted meanwhile, the database gone) must
                    // not cancel the others in the batch: it keeps its lease and is claimed again when that runs out.
                    LogRoundFailed(logger, exception);
                }
            });
        return claimed.Count;
    }

    /// <summary>The next attempt after attempt number <paramref name="previousAttempts"/> + 1 failed; null when the schedule is over.</summary>
    private DateTimeOffset? RetryAt(int previousAttempts, DateTimeOffset failedAt)
    {
        if (previousAttempts >= _retryDelays.Length)
        {
            return null;
        }
        // ±20 %: receivers that failed together are not all tried again in the same second.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return failedAt + (_retryDelays[previousAttempts] * jitter);
    }

    private async Task HousekeepAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        if (now >= _nextExpirySweep)
        {
            _nextExpirySweep = now + TimeSpan.FromSeconds(_options.ExpirySweepSeconds);
            for (var round = 0; round < ExpiryBatchesPerRun; round++)
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<LinkExpirySweep>().RunAsync(now, ExpiryBatch, stoppingToken) < ExpiryBatch)
                {
                    break;
                }
            }
        }
        if (now >= _nextTrim)
        {
            _nextTrim = now + TrimInterval;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IWebhookOutbox>().TrimAsync(
                now - TimeSpan.FromDays(_options.MessageRetentionDays), now - TimeSpan.FromDays(_options.AttemptRetentionDays), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery round failed; the outbox keeps its messages and the next round tries again.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook message {MessageId} to endpoint {EndpointId}: attempt {Attempt} failed (status {StatusCode}, {Error}); next attempt {RetryAt}.")]
    private static partial void LogAttemptFailed(ILogger logger, string messageId, Guid endpointId, int attempt, int? statusCode, string? error, DateTimeOffset? retryAt);
}
