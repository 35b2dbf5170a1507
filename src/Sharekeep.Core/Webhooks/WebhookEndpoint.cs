namespace Sharekeep.Core.Webhooks;

/// <summary>A registered receiver: where events go and which ones. Its secret is never part of it (see <see cref="IWebhookStore"/>).</summary>
public sealed record WebhookEndpoint(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset Created)
{
    public bool Receives(string type) => Enabled && Events.Contains(type, StringComparer.Ordinal);
}

/// <summary>A registered endpoint with the secret that signs its deliveries, answered once at registration.</summary>
public sealed record RegisteredWebhook(WebhookEndpoint Endpoint, string Secret);

/// <summary>A change to an endpoint; a null field is left as it is.</summary>
public sealed record WebhookChange(string? Url, IReadOnlyList<string>? Events, bool? Enabled);

/// <summary>One attempt to deliver a message to an endpoint.</summary>
/// <param name="StatusCode">The receiver's HTTP status; null when no answer came (see <paramref name="Error"/>).</param>
/// <param name="Error">Why there was no answer (a refused address, a timeout, a connection failure); null for an answer.</param>
public sealed record WebhookAttempt(
    long Id, Guid EndpointId, string MessageId, string Event, int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>Where a message stands: waiting for its next attempt, delivered, or given up after the last retry.</summary>
public enum WebhookMessageState
{
    Pending,
    Delivered,
    Failed,
}
