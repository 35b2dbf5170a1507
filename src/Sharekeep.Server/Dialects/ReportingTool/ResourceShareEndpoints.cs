using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Native.Shares;
using Sharekeep.Server.OpenApi;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>/api/share: make and delete share links, in the reporting tool's shapes (the reads are in <see cref="ShareReadEndpoints"/>).</summary>
internal static class ResourceShareEndpoints
{
    public static RouteGroupBuilder MapResourceShares(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/share")
            .WithTags("Reporting tool: shares")
            .RequireAuthorization()
            .ProducesError<ReportingToolError>(StatusCodes.Status401Unauthorized);

        group.MapPost("/report", (ReportShareRequest request, SharingService sharing, HttpContext context, CancellationToken ct) =>
                ShareAsync(sharing, ResourceKind.Report, request.ReportId, "reportId", context, ct))
            .RequireScope(ApiScope.Share)
            .WithName("ShareReport")
            .WithSummary("Shares a report; sharing it again answers the same share id.");
        group.MapPost("/dashboard", (DashboardShareRequest request, SharingService sharing, HttpContext context, CancellationToken ct) =>
                ShareAsync(sharing, ResourceKind.Dashboard, request.DashboardId, "dashboardId", context, ct))
            .RequireScope(ApiScope.Share)
            .WithName("ShareDashboard")
            .WithSummary("Shares a dashboard; sharing it again answers the same share id.");
        // {id} here is a share id, under the GET's template for a report id: one template keeps the OpenAPI document
        // valid (two templates that differ only in a parameter's name are the same path there).
        group.MapDelete("/report/{id}", (string id, SharingService sharing, HttpContext context, CancellationToken ct) =>
                RevokeAsync(sharing, ResourceKind.Report, id, context, ct))
            .RequireScope(ApiScope.Share)
            .WithName("DeleteReportShare")
            .WithSummary("Revokes the report share with this share id: its URL stops working for good.");
        group.MapDelete("/dashboard/{id}", (string id, SharingService sharing, HttpContext context, CancellationToken ct) =>
                RevokeAsync(sharing, ResourceKind.Dashboard, id, context, ct))
            .RequireScope(ApiScope.Share)
            .WithName("DeleteDashboardShare")
            .WithSummary("Revokes the dashboard share with this share id: its URL stops working for good.");
        return group;
    }

    private static async Task<Results<Ok<ShareIdResponse>, BadRequest<ReportingToolError>, NotFound<ReportingToolError>>> ShareAsync(
        SharingService sharing, ResourceKind kind, string? resourceId, string field, HttpContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(resourceId))
        {
            return ReportingToolResults.BadRequest($"The field '{field}' is required.");
        }
        var noSuchResource = ReportingToolResults.NotFound($"There is no {ResourceTypeNames.Of(kind)} with id '{resourceId}'.");
        if (!Guid.TryParse(resourceId, out var id))
        {
            return noSuchResource;
        }
        // The reporting tool's request has no expiry: the link policy's default lifetime applies.
        var outcome = await sharing.ShareAsync(kind, id, null, CredentialClaims.ActorOf(context), cancellationToken);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Ok(new ShareIdResponse(outcome.Value!.Key)),
            OutcomeStatus.SharingOff => ReportingToolResults.SharingNotAllowed(),
            OutcomeStatus.Invalid => ReportingToolResults.BadRequest(outcome.Errors!.FirstMessage()),
            _ => noSuchResource,
        };
    }

    private static async Task<Results<NoContent, NotFound<ReportingToolError>>> RevokeAsync(
        SharingService sharing, ResourceKind kind, string shareId, HttpContext context, CancellationToken cancellationToken) =>
        await sharing.RevokeAsync(shareId, kind, CredentialClaims.ActorOf(context), cancellationToken)
            ? TypedResults.NoContent()
            : ReportingToolResults.NotFound($"There is no active {ResourceTypeNames.Of(kind)} share with id '{shareId}'.");
}
