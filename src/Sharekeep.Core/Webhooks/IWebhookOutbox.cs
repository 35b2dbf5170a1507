namespace Sharekeep.Core.Webhooks;

/// <summary>A message claimed for delivery: its lease is this instance's until it is recorded or the lease runs out.</summary>
/// <param name="Attempts">Attempts made before this one.</param>
/// <param name="Lease">The claim's own token: only the claim that holds it records the outcome on the message.</param>
public sealed record WebhookDelivery(
    string MessageId, Guid EndpointId, string Url, string ProtectedSecret, string Type, string Body, int Attempts, Guid Lease);

/// <summary>What one attempt came to.</summary>
public sealed record WebhookAttemptResult(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs, string? Response)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// The outbox as the deliverer sees it. A message is claimed with a lease, so that only one instance delivers it
/// at a time; a lease that runs out (its instance died) makes it claimable again: delivered at least once.
/// </summary>
public interface IWebhookOutbox
{
    Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(int limit, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the attempt, and the message's next state: due again at <paramref name="retryAt"/>, or finished (delivered or failed) when null.</summary>
    Task RecordAsync(WebhookDelivery delivery, WebhookAttemptResult result, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Deletes finished messages older than <paramref name="messagesBefore"/> and attempts older than <paramref name="attemptsBefore"/>.</summary>
    Task TrimAsync(DateTimeOffset messagesBefore, DateTimeOffset attemptsBefore, CancellationToken cancellationToken);
}
