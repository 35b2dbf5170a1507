using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Native.Resources;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>Domain values to the reporting tool's answers.</summary>
internal static class ReportingToolResults
{
    public static BadRequest<ReportingToolError> SharingNotAllowed() =>
        TypedResults.BadRequest(new ReportingToolError("sharingNotAllowed", "Sharing is not allowed.", ReportingToolDialect.SharingDisabledMessage));

    public static JsonHttpResult<ReportingToolError> SharingDisabled() =>
        TypedResults.Json(
            new ReportingToolError(ReportingToolDialect.ErrorCodeFor(StatusCodes.Status401Unauthorized), "This share cannot be opened while sharing is disabled.", ReportingToolDialect.SharingDisabledMessage),
            statusCode: StatusCodes.Status401Unauthorized);

    public static NotFound<ReportingToolError> NotFound(string message) =>
        TypedResults.NotFound(new ReportingToolError(ReportingToolDialect.ErrorCodeFor(StatusCodes.Status404NotFound), message, null));

    public static BadRequest<ReportingToolError> BadRequest(string message) =>
        TypedResults.BadRequest(new ReportingToolError(ReportingToolDialect.ErrorCodeFor(StatusCodes.Status400BadRequest), message, null));

    public static ReportEvaluation ToEvaluation(Report report) => new(
        new ReportDefinition(report.Id, report.Name, report.Created, report.Created),
        new ReportResult(ReportData.ToElement(report)));

    public static DashboardDefinition ToDefinition(SharedDashboard shared) => new(
        shared.Dashboard.Id,
        shared.Dashboard.Name,
        shared.Dashboard.Created,
        shared.Dashboard.Created,
        shared.Reports.Select(r => new DashboardTile(r.Id, "optimize_report", r.Name)).ToList());
}
