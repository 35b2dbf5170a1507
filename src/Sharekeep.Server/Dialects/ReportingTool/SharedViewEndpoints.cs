using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Shares;
using Sharekeep.Server.OpenApi;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>/api/external/share: what a visitor holding a share URL sees. No secret; the key is the credential.</summary>
internal static class SharedViewEndpoints
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Post];

    public static RouteGroupBuilder MapSharedViews(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/external/share")
            .WithTags("Reporting tool: shared views")
            .AllowAnonymous()
            .ProducesError<ReportingToolError>(StatusCodes.Status401Unauthorized)
            .WithHeaders(HeaderPolicy.KeyInUrl);

        // GET as the product's early (2.x) releases ask, POST (paging in the query, no body) as its later 3.x and 8.x do.
        group.MapMethods("/report/{shareId}/evaluate", ReadMethods, EvaluateReportAsync)
            .WithName("EvaluateSharedReport")
            .WithSummary("The shared report with its data.");
        group.MapGet("/dashboard/{shareId}/evaluate", EvaluateDashboardAsync)
            .WithName("EvaluateSharedDashboard")
            .WithSummary("The shared dashboard with its reports as tiles.");
        // The product evaluates a dashboard's report by GET in older versions and by POST (with an optional body) in newer ones.
        group.MapMethods("/dashboard/{shareId}/report/{reportId}/evaluate", ReadMethods, EvaluateDashboardReportAsync)
            .WithName("EvaluateSharedDashboardReport")
            .WithSummary("One report of a shared dashboard, with its data.");
        return group;
    }

    private static async Task<Results<PreparedJsonResult<ReportEvaluation>, JsonHttpResult<ReportingToolError>, NotFound<ReportingToolError>>> EvaluateReportAsync(
        string shareId, HttpContext context, SharedViews views, CancellationToken cancellationToken)
    {
        var opened = await views.OpenReportAsync(shareId, cancellationToken);
        return opened.Status switch
        {
            OutcomeStatus.Ok => Viewed(context, shareId, SharedViewAnswers.Evaluation(opened.Value!)),
            OutcomeStatus.SharingOff => ReportingToolResults.SharingDisabled(),
            _ => ReportingToolResults.NotFound("There is no report share with this id."),
        };
    }

    private static async Task<Results<PreparedJsonResult<DashboardDefinition>, JsonHttpResult<ReportingToolError>, NotFound<ReportingToolError>>> EvaluateDashboardAsync(
        string shareId, HttpContext context, SharedViews views, CancellationToken cancellationToken)
    {
        var opened = await views.OpenDashboardAsync(shareId, cancellationToken);
        return opened.Status switch
        {
            OutcomeStatus.Ok => Viewed(context, shareId, SharedViewAnswers.Definition(opened.Value!)),
            OutcomeStatus.SharingOff => ReportingToolResults.SharingDisabled(),
            _ => ReportingToolResults.NotFound("There is no dashboard share with this id."),
        };
    }

    /// <summary>
    /// A report's or a dashboard's evaluation is a view; a dashboard's tiles, each evaluated after it, are part of
    /// that view and not counted again.
    /// </summary>
    private static T Viewed<T>(HttpContext context, string shareId, T answer)
    {
        VisitCounting.Viewed(context, ActivityLink.Share(shareId));
        return answer;
    }

    private static async Task<Results<PreparedJsonResult<ReportEvaluation>, JsonHttpResult<ReportingToolError>, NotFound<ReportingToolError>>> EvaluateDashboardReportAsync(
        string shareId, string reportId, SharedViews views, CancellationToken cancellationToken)
    {
        // An id that is no GUID is on no dashboard; Guid.Empty keeps the policy check first, as everywhere here.
        var id = Guid.TryParse(reportId, out var parsed) ? parsed : Guid.Empty;
        var opened = await views.OpenDashboardReportAsync(shareId, id, cancellationToken);
        return opened.Status switch
        {
            OutcomeStatus.Ok => SharedViewAnswers.Evaluation(opened.Value!),
            OutcomeStatus.SharingOff => ReportingToolResults.SharingDisabled(),
            _ => ReportingToolResults.NotFound("There is no such report on a dashboard shared with this id."),
        };
    }
}
