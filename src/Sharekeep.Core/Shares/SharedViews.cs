using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

/// <summary>What a visitor sees through a share link: the shared resource and, for a dashboard, its reports.</summary>
public sealed class SharedViews(SharingService sharing, IResourceStore resources)
{
    public async Task<Outcome<Report>> OpenReportAsync(string shareKey, CancellationToken cancellationToken)
    {
        var opened = await sharing.OpenAsync(ResourceKind.Report, shareKey, cancellationToken);
        if (!opened.IsOk)
        {
            return opened.Refused<Report>();
        }
        return Found(await resources.FindReportAsync(opened.Value!.ResourceId, cancellationToken));
    }

    public async Task<Outcome<SharedDashboard>> OpenDashboardAsync(string shareKey, CancellationToken cancellationToken)
    {
        var opened = await sharing.OpenAsync(ResourceKind.Dashboard, shareKey, cancellationToken);
        if (!opened.IsOk)
        {
            return opened.Refused<SharedDashboard>();
        }
        var dashboard = await resources.FindDashboardAsync(opened.Value!.ResourceId, cancellationToken);
        if (dashboard is null)
        {
            return Outcome<SharedDashboard>.Unknown;
        }
        var reports = await resources.FindReportsAsync(dashboard.ReportIds, cancellationToken);
        var byId = reports.ToDictionary(r => r.Id);
        var ordered = dashboard.ReportIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return Outcome<SharedDashboard>.Ok(new SharedDashboard(dashboard, ordered));
    }

    /// <summary>A report opened through a dashboard's share: only the dashboard's own reports are reachable.</summary>
    public async Task<Outcome<Report>> OpenDashboardReportAsync(string shareKey, Guid reportId, CancellationToken cancellationToken)
    {
        var dashboard = await OpenDashboardAsync(shareKey, cancellationToken);
        if (!dashboard.IsOk)
        {
            return dashboard.Refused<Report>();
        }
        return Found(dashboard.Value!.Reports.FirstOrDefault(r => r.Id == reportId));
    }

    private static Outcome<Report> Found(Report? report) =>
        report is null ? Outcome<Report>.Unknown : Outcome<Report>.Ok(report);
}

public sealed record SharedDashboard(Dashboard Dashboard, IReadOnlyList<Report> Reports);
