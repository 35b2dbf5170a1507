using Sharekeep.Core.Webhooks;

namespace Sharekeep.Server.Native.Webhooks;

/// <summary>POST /api/v1/webhooks: the receiver's address and the events it wants.</summary>
internal sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);

/// <summary>PATCH /api/v1/webhooks/{id}: what to change; an absent field stays as it is.</summary>
internal sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? Enabled);

/// <summary>A webhook as listed: never its secret, which only the creating answer carries.</summary>
internal sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset Created)
{
    public static WebhookResponse Of(WebhookEndpoint endpoint) => new(endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Enabled, endpoint.Created);
}

/// <summary>The answer to registering a webhook: its signing secret ("whsec_" + base64), shown this once.</summary>
internal sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset Created, string Secret);

/// <summary>One recorded attempt: the message (its webhook-id), its event, which attempt, and what came of it.</summary>
internal sealed record DeliveryResponse(
    long Id, string MessageId, string Event, int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs, bool Succeeded)
{
    public static DeliveryResponse Of(WebhookAttempt a) => new(a.Id, a.MessageId, a.Event, a.Attempt, a.At, a.StatusCode, a.Error, a.DurationMs, a.Succeeded);
}

/// <summary>A page of attempts, newest first; <paramref name="Before"/> asks for the next page (null at the end).</summary>
internal sealed record DeliveriesResponse(IReadOnlyList<DeliveryResponse> Deliveries, long? Before);
