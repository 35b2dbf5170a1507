using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Webhooks;
using Sharekeep.Server.Admin.Pages;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Admin;

/// <summary>A registered webhook as the console lists it: with its newest attempt, if it has had one.</summary>
public sealed record AdminWebhookRow(WebhookEndpoint Endpoint, WebhookAttempt? LastAttempt);

/// <summary>One webhook's deliveries page: newest attempts first, a page at a time.</summary>
public sealed record AdminWebhookDeliveries(
    WebhookEndpoint Endpoint, IReadOnlyList<WebhookAttempt> Attempts, long? Older, string? Notice, AdminForm Form);

/// <summary>
/// The console's webhooks: register one (its secret shown once), switch it on or off, delete it, and a page of its
/// deliveries with replay. Every action calls <see cref="WebhookService"/>, as the API does: the same checks (the
/// address guard at registration), the same audit.
/// </summary>
internal static class AdminWebhooks
{
    public const int AttemptsPerPage = 50;

    public static string DeliveriesPath(Guid id) => $"{AdminEndpoints.Path}/webhooks/{id}/deliveries";

    /// <summary>The actions, on the console's group of signed-in form posts.</summary>
    public static RouteGroupBuilder MapAdminWebhookActions(this RouteGroupBuilder actions)
    {
        actions.MapPost("/webhooks", CreateAsync);
        actions.MapPost("/webhooks/{id:guid}/enabled", SetEnabledAsync);
        actions.MapPost("/webhooks/{id:guid}/delete", DeleteAsync);
        actions.MapPost("/webhooks/{id:guid}/deliveries/{messageId}/replay", ReplayAsync);
        return actions;
    }

    public static IEndpointRouteBuilder MapAdminWebhookDeliveries(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup(AdminEndpoints.Path)
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithHeaders(HeaderPolicy.AdminPage)
            .MapGet("/webhooks/{id:guid}/deliveries", ShowDeliveriesAsync);
        return routes;
    }

    /// <summary>The secret is in this answer only, as an API key is: rendered here, never redirected to.</summary>
    private static async Task<IResult> CreateAsync(
        HttpContext context, WebhookService webhooks, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        var form = context.Request.Form;
        var url = form["url"].ToString().Trim();
        var created = await webhooks.CreateAsync(
            url.Length > 0 ? url : null, [.. form["events"].OfType<string>()], CredentialClaims.ActorOf(context), cancellationToken);
        if (created.Value is not { } registered)
        {
            return await AdminEndpoints.InvalidAsync(context, reader, created.Errors?.Messages() ?? [], cancellationToken);
        }
        var overview = await AdminEndpoints.OverviewAsync(
            context, reader, AdminLinkFilter.Default, null, AdminNotices.Code(AdminNotice.WebhookCreated), [], cancellationToken);
        return AdminEndpoints.Page(overview with { IssuedWebhook = registered }, StatusCodes.Status200OK);
    }

    private static async Task<RedirectHttpResult> SetEnabledAsync(
        Guid id, HttpRequest request, WebhookService webhooks, CancellationToken cancellationToken)
    {
        if (!bool.TryParse(request.Form["enabled"].ToString(), out var enabled))
        {
            return AdminEndpoints.Back(AdminNotice.Invalid);
        }
        var updated = await webhooks.UpdateAsync(id, new WebhookChange(null, null, enabled), CredentialClaims.ActorOf(request.HttpContext), cancellationToken);
        return AdminEndpoints.Back(updated.Status switch
        {
            OutcomeStatus.Ok => enabled ? AdminNotice.WebhookEnabled : AdminNotice.WebhookDisabled,
            _ => AdminNotice.NotFound,
        });
    }

    private static async Task<RedirectHttpResult> DeleteAsync(Guid id, HttpContext context, WebhookService webhooks, CancellationToken cancellationToken) =>
        AdminEndpoints.Back(await webhooks.DeleteAsync(id, CredentialClaims.ActorOf(context), cancellationToken) ? AdminNotice.WebhookDeleted : AdminNotice.NotFound);

    private static async Task<RedirectHttpResult> ReplayAsync(
        Guid id, string messageId, HttpContext context, WebhookService webhooks, CancellationToken cancellationToken)
    {
        if (!await webhooks.ReplayAsync(id, messageId, CredentialClaims.ActorOf(context), cancellationToken))
        {
            return AdminEndpoints.Back(AdminNotice.NotFound);
        }
        return TypedResults.Redirect($"{DeliveriesPath(id)}?notice={AdminNotices.Code(AdminNotice.WebhookReplayed)}");
    }

    private static async Task<Results<RedirectHttpResult, RazorComponentResult<WebhookDeliveriesPage>>> ShowDeliveriesAsync(
        Guid id, string? before, string? notice, HttpContext context, WebhookService webhooks, CancellationToken cancellationToken)
    {
        if (!await AdminSession.IsSignedInAsync(context))
        {
            return TypedResults.Redirect(AdminEndpoints.Path);
        }
        if (await webhooks.FindAsync(id, cancellationToken) is not { } endpoint)
        {
            return Problem("There is no webhook with this id.", StatusCodes.Status404NotFound);
        }
        long? cursor = null;
        if (before is not null)
        {
            // A cursor it cannot read is the caller's mistake: the page says so, with a 400.
            if (!long.TryParse(before, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var older) || older <= 0)
            {
                return Problem("before is the number of an attempt, from the page's own “Older” link.", StatusCodes.Status400BadRequest);
            }
            cursor = older;
        }
        var attempts = await webhooks.ListAttemptsAsync(id, cursor, AttemptsPerPage, cancellationToken);
        var page = new AdminWebhookDeliveries(
            endpoint, attempts, attempts.Count == AttemptsPerPage ? attempts[^1].Id : null, AdminNotices.Message(notice), AdminForms.TokenFor(context));
        return new RazorComponentResult<WebhookDeliveriesPage>(new { Model = page });
    }

    private static RazorComponentResult<WebhookDeliveriesPage> Problem(string problem, int status) =>
        new(new { Problem = problem }) { StatusCode = status };
}
