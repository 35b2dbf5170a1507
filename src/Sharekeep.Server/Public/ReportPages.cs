using Sharekeep.Core;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Public.Pages;

namespace Sharekeep.Server.Public;

/// <summary>
/// /share/report/{id} and /share/dashboard/{id}: what a visitor holding a share URL sees in a browser. The share
/// is opened on every request (policy, key, record: all from memory when warm); the page itself is rendered once
/// per version of the records behind it (<see cref="RenderedPages"/>).
/// </summary>
internal static class ReportPages
{
    public const string ReportPathPrefix = "/share/report/";
    public const string DashboardPathPrefix = "/share/dashboard/";

    /// <summary>
    /// The largest page either route answers, whatever the data: its tables share <see cref="ReportTable.MaxBytes"/>,
    /// and names, headings and the frame fit in what is left.
    /// </summary>
    public const int MaxPageBytes = 2 * 1024 * 1024;

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

    private static async Task<PreparedPage> ShowReportAsync(
        string shareId, HttpContext context, SharedViews views, RenderedPages pages, CancellationToken cancellationToken)
    {
        var opened = await views.OpenReportAsync(shareId, cancellationToken);
        if (!opened.IsOk)
        {
            return await RefusedAsync(pages, opened.Status, isDashboard: false);
        }
        VisitCounting.Viewed(context, ActivityLink.Share(shareId));
        var report = opened.Value!;
        var body = await pages.GetOrRenderAsync<SharedReportPage>(
            new PageKey("report", shareId), [report], () => new SharedReportPageModel(OutcomeStatus.Ok, report.Name, [View(report, 1)], IsDashboard: false));
        return new PreparedPage(body, StatusCodes.Status200OK);
    }

    private static async Task<PreparedPage> ShowDashboardAsync(
        string shareId, HttpContext context, SharedViews views, RenderedPages pages, CancellationToken cancellationToken)
    {
        var opened = await views.OpenDashboardAsync(shareId, cancellationToken);
        if (!opened.IsOk)
        {
            return await RefusedAsync(pages, opened.Status, isDashboard: true);
        }
        VisitCounting.Viewed(context, ActivityLink.Share(shareId));
        var (dashboard, reports) = opened.Value!;
        var body = await pages.GetOrRenderAsync<SharedReportPage>(
            new PageKey("dashboard", shareId),
            [dashboard, .. reports],
            () => new SharedReportPageModel(OutcomeStatus.Ok, dashboard.Name, [.. reports.Select(r => View(r, reports.Count))], IsDashboard: true));
        return new PreparedPage(body, StatusCodes.Status200OK);
    }

    /// <summary>The reports of a dashboard share one page's budget.</summary>
    private static ReportView View(Report report, int sharing) =>
        new(report.Name, ReportTable.From(report.DataJson, ReportTable.MaxBytes / Math.Max(1, sharing)));

    /// <summary>A refusal says nothing of the share, so there is one page per refusal, whatever the key.</summary>
    private static async Task<PreparedPage> RefusedAsync(RenderedPages pages, OutcomeStatus status, bool isDashboard)
    {
        var code = status == OutcomeStatus.SharingOff ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        var refusal = status == OutcomeStatus.SharingOff ? OutcomeStatus.SharingOff : OutcomeStatus.NotFound;
        var body = await pages.GetOrRenderAsync<SharedReportPage>(
            new PageKey(isDashboard ? "dashboard" : "report", "", refusal.ToString()), [], () => new SharedReportPageModel(refusal, null, [], isDashboard));
        return new PreparedPage(body, code);
    }
}

public sealed record SharedReportPageModel(OutcomeStatus Status, string? Name, IReadOnlyList<ReportView> Reports, bool IsDashboard);

public sealed record ReportView(string Name, ReportTable Table);
