using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Shares;

internal static class ShareEndpoints
{
    public const int MaxPage = 1000;

    public static RouteGroupBuilder MapShares(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/shares").WithTags("Shares");
        group.MapGet("/", ListAsync)
            .WithName("ListShares")
            .WithSummary("Share links, newest first; filter by resourceType (report, dashboard) and resourceId.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/", CreateAsync)
            .RequireScope(ApiScope.Share)
            .WithName("CreateShare")
            .WithSummary("Shares a report or dashboard under the link policy; sharing it again answers its active share, unchanged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", RevokeAsync)
            .RequireScope(ApiScope.Share)
            .WithName("RevokeShare")
            .WithSummary("Revokes a share link of any kind.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<ShareResponse>>, ProblemHttpResult>> ListAsync(
        SharingService sharing,
        CancellationToken cancellationToken,
        string? resourceType = null,
        Guid? resourceId = null,
        bool includeRevoked = false,
        int limit = 100)
    {
        ResourceKind? kind = null;
        if (resourceType is not null)
        {
            if (!ResourceTypeNames.TryParse(resourceType, out var parsed))
            {
                return NativeProblems.BadRequest("resourceType is 'report' or 'dashboard'.");
            }
            kind = parsed;
        }
        if (limit is < 1 or > MaxPage)
        {
            return NativeProblems.BadRequest($"limit is between 1 and {MaxPage}.");
        }
        var shares = await sharing.ListAsync(new ShareQuery(kind, resourceId, includeRevoked, limit), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ShareResponse>>(shares.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<ShareResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateShareRequest request, SharingService sharing, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.ResourceType is null || !ResourceTypeNames.TryParse(request.ResourceType, out var kind))
        {
            return TypedResults.ValidationProblem(Field("resourceType", "resourceType is 'report' or 'dashboard'."));
        }
        if (request.ResourceId is not { } resourceId)
        {
            return TypedResults.ValidationProblem(Field("resourceId", "resourceId is required."));
        }
        var outcome = await sharing.ShareAsync(kind, resourceId, request.Expires, CredentialClaims.ActorOf(context), cancellationToken);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Ok(ToResponse(outcome.Value!)),
            OutcomeStatus.SharingOff => TypedResults.Problem(
                "Sharing of reports and dashboards is switched off.", statusCode: StatusCodes.Status403Forbidden, title: "Sharing is disabled."),
            OutcomeStatus.NotFound => NativeProblems.NotFound(outcome.Errors!.FirstMessage()),
            _ => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
        };
    }

    private static Dictionary<string, string[]> Field(string name, string message) => new(StringComparer.Ordinal) { [name] = [message] };

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, SharingService sharing, HttpContext context, CancellationToken cancellationToken) =>
        await sharing.RevokeAsync(id, null, CredentialClaims.ActorOf(context), cancellationToken)
            ? TypedResults.NoContent()
            : NativeProblems.NotFound("There is no active share with this id.");

    private static ShareResponse ToResponse(Share share)
    {
        var type = ResourceTypeNames.Of(share.Kind);
        return new ShareResponse(
            share.Key, type, share.ResourceId, share.Created, share.Revoked, $"/api/external/share/{type}/{share.Key}/evaluate", share.Expires);
    }
}
