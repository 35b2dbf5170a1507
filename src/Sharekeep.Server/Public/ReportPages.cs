using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Public.Pages;

namespace Sharekeep.Server.Public;

/// <summary>/share/report/{id} and /share/dashboard/{id}: what a visitor holding a share URL sees in a browser.</summary>
internal static class ReportPages
{
    public const string ReportPathPrefix = "/share/report/";
    public const string DashboardPathPrefix = "/share/dashboard/";

    public static IEndpointRouteBuilder MapReportPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/share")
            .WithTags("Public report pages")
            .AllowAnonymous()
            .WithHeaders(HeaderPolicy.KeyInUrl)
            .WithHeaders(HeaderPolicy.SharedPage)
            .ExcludeFromDescription();
        group.MapGet("/report/{shareId}", ShowReportAsync).WithName("SharedReportPage");
        group.MapGet("/dashboard/{shareId}", ShowDashboardAsync).WithName("SharedDashboardPage");
        return routes;
    }

    private static async Task<RazorComponentResult<SharedReportPage>> ShowReportAsync(
        string shareId, SharedViews views, CancellationToken cancellationToken)
    {
        var opened = await views.OpenReportAsync(shareId, cancellationToken);
        return Page(opened.IsOk
            ? new SharedReportPageModel(OutcomeStatus.Ok, opened.Value!.Name, [View(opened.Value)], IsDashboard: false)
            : new SharedReportPageModel(opened.Status, null, [], IsDashboard: false));
    }

    private static async Task<RazorComponentResult<SharedReportPage>> ShowDashboardAsync(
        string shareId, SharedViews views, CancellationToken cancellationToken)
    {
        var opened = await views.OpenDashboardAsync(shareId, cancellationToken);
        return Page(opened.IsOk
            ? new SharedReportPageModel(OutcomeStatus.Ok, opened.Value!.Dashboard.Name, [.. opened.Value.Reports.Select(View)], IsDashboard: true)
            : new SharedReportPageModel(opened.Status, null, [], IsDashboard: true));
    }

    private static ReportView View(Report report) => new(report.Name, ReportTable.Of(report));

    private static RazorComponentResult<SharedReportPage> Page(SharedReportPageModel model)
    {
        var status = model.Status switch
        {
            OutcomeStatus.Ok => StatusCodes.Status200OK,
            OutcomeStatus.SharingOff => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status404NotFound,
        };
        return new RazorComponentResult<SharedReportPage>(new { Model = model }) { StatusCode = status };
    }
}

public sealed record SharedReportPageModel(OutcomeStatus Status, string? Name, IReadOnlyList<ReportView> Reports, bool IsDashboard);

public sealed record ReportView(string Name, ReportTable Table);
