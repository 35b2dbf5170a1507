using Microsoft.AspNetCore.Http.HttpResults;
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
            .KeepKeyPrivate()
            .ExcludeFromDescription();
        group.MapGet("/report/{shareId}", ShowReportAsync).WithName("SharedReportPage");
        group.MapGet("/dashboard/{shareId}", ShowDashboardAsync).WithName("SharedDashboardPage");
        return routes;
    }

    private static async Task<RazorComponentResult<SharedReportPage>> ShowReportAsync(
        string shareId, HttpContext context, SharedViews views, CancellationToken cancellationToken)
    {
        var opened = await views.OpenReportAsync(shareId, cancellationToken);
        var model = opened.Status == ShareStatus.Ok
            ? new SharedReportPageModel(ShareStatus.Ok, opened.Value!.Name, [View(opened.Value)], IsDashboard: false)
            : new SharedReportPageModel(opened.Status, null, [], IsDashboard: false);
        return Page(context, model);
    }

    private static async Task<RazorComponentResult<SharedReportPage>> ShowDashboardAsync(
        string shareId, HttpContext context, SharedViews views, CancellationToken cancellationToken)
    {
        var opened = await views.OpenDashboardAsync(shareId, cancellationToken);
        var model = opened.Status == ShareStatus.Ok
            ? new SharedReportPageModel(ShareStatus.Ok, opened.Value!.Dashboard.Name, [.. opened.Value.Reports.Select(View)], IsDashboard: true)
            : new SharedReportPageModel(opened.Status, null, [], IsDashboard: true);
        return Page(context, model);
    }

    private static ReportView View(Report report) => new(report.Name, ReportTable.From(report.DataJson));

    private static RazorComponentResult<SharedReportPage> Page(HttpContext context, SharedReportPageModel model)
    {
        SecurityHeaders.ForPublicPage(context.Response);
        context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var status = model.Status switch
        {
            ShareStatus.Ok => StatusCodes.Status200OK,
            ShareStatus.SharingDisabled => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status404NotFound,
        };
        return new RazorComponentResult<SharedReportPage>(new { Model = model }) { StatusCode = status };
    }
}

public sealed record SharedReportPageModel(ShareStatus Status, string? Name, IReadOnlyList<ReportView> Reports, bool IsDashboard);

public sealed record ReportView(string Name, ReportTable Table);
