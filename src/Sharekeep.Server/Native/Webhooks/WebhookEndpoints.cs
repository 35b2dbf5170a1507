using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Webhooks;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Webhooks;

/// <summary>
/// /api/v1/webhooks: receivers of signed event deliveries. Registering, changing and removing one, and replaying a
/// message, need the admin scope (a webhook sends the server's events, and its requests, elsewhere); reads need read.
/// </summary>
internal static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/webhooks").WithTags("Webhooks").WithHeaders(HeaderPolicy.Credential);
        group.MapPost("/", CreateAsync)
            .RequireScope(ApiScope.Admin)
            .WithName("CreateWebhook")
            .WithSummary("Registers a receiver for events; the answer carries its signing secret, which is never shown again.");
        group.MapGet("/", ListAsync).RequireScope(ApiScope.Read).WithName("ListWebhooks").WithSummary("The registered webhooks, oldest first.");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(ApiScope.Read).WithName("GetWebhook").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateAsync)
            .RequireScope(ApiScope.Admin)
            .WithName("UpdateWebhook")
            .WithSummary("Changes a webhook's url, events or enabled; absent fields stay as they are.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync)
            .RequireScope(ApiScope.Admin)
            .WithName("DeleteWebhook")
            .WithSummary("Removes a webhook with its waiting messages and recorded deliveries.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync)
            .RequireScope(ApiScope.Read)
            .WithName("ListWebhookDeliveries")
            .WithSummary("Every attempt to deliver to this webhook, newest first; before= continues a page.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/deliveries/{messageId}/replay", ReplayAsync)
            .RequireScope(ApiScope.Admin)
            .WithName("ReplayWebhookMessage")
            .WithSummary("Sends a message again (same webhook-id), whether it was delivered, failed or is still waiting.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<CreatedWebhookResponse>, ValidationProblem>> CreateAsync(
        CreateWebhookRequest request, WebhookService webhooks, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await webhooks.CreateAsync(request.Url, request.Events, CredentialClaims.ActorOf(context), cancellationToken);
        if (created.Value is not { } registered)
        {
            return TypedResults.ValidationProblem(created.Errors!.ToDictionary());
        }
        var e = registered.Endpoint;
        return TypedResults.Created($"/api/v1/webhooks/{e.Id}", new CreatedWebhookResponse(e.Id, e.Url, e.Events, e.Enabled, e.Created, registered.Secret));
    }

    private static async Task<Ok<IReadOnlyList<WebhookResponse>>> ListAsync(WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<WebhookResponse>>([.. (await webhooks.ListAsync(cancellationToken)).Select(WebhookResponse.Of)]);

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(Guid id, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.FindAsync(id, cancellationToken) is { } endpoint ? TypedResults.Ok(WebhookResponse.Of(endpoint)) : NoWebhook();

    private static async Task<Results<Ok<WebhookResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateWebhookRequest request, WebhookService webhooks, HttpContext context, CancellationToken cancellationToken)
    {
        var updated = await webhooks.UpdateAsync(id, new WebhookChange(request.Url, request.Events, request.Enabled), CredentialClaims.ActorOf(context), cancellationToken);
        return updated.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Ok(WebhookResponse.Of(updated.Value!)),
            OutcomeStatus.NotFound => NoWebhook(),
            _ => TypedResults.ValidationProblem(updated.Errors!.ToDictionary()),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, WebhookService webhooks, HttpContext context, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(id, CredentialClaims.ActorOf(context), cancellationToken) ? TypedResults.NoContent() : NoWebhook();

    private static async Task<Results<Ok<DeliveriesResponse>, ProblemHttpResult>> DeliveriesAsync(
        Guid id, WebhookService webhooks, CancellationToken cancellationToken, long? before = null, int limit = 50)
    {
        if (limit is < 1 or > WebhookService.MaxAttemptsListed)
        {
            return NativeProblems.BadRequest($"limit is between 1 and {WebhookService.MaxAttemptsListed}.");
        }
        if (await webhooks.FindAsync(id, cancellationToken) is null)
        {
            return NoWebhook();
        }
        var page = await webhooks.ListAttemptsAsync(id, before, limit, cancellationToken);
        return TypedResults.Ok(new DeliveriesResponse([.. page.Select(DeliveryResponse.Of)], page.Count == limit ? page[^1].Id : null));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ReplayAsync(
        Guid id, string messageId, WebhookService webhooks, HttpContext context, CancellationToken cancellationToken) =>
        await webhooks.ReplayAsync(id, messageId, CredentialClaims.ActorOf(context), cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : NativeProblems.NotFound("This webhook has no message with this id (delivered messages are kept for Sharekeep:Webhooks:MessageRetentionDays).");

    private static ProblemHttpResult NoWebhook() => NativeProblems.NotFound("There is no webhook with this id.");
}
