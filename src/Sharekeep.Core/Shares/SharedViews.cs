using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

/// <summary>What a visitor sees through a share link: the shared resource and, for a dashboard, its reports.</summary>
public sealed class SharedViews(SharingService sharing, IResourceStore resources)
{
    public async Task<Opened<Report>> OpenReportAsync(string shareId, CancellationToken cancellationToken)
    {
        var outcome = await sharing.OpenAsync(ResourceKind.Report, shareId, cancellationToken);
        if (outcome.Status != ShareStatus.Ok)
        {
            return new(outcome.Status, null);
        }
        return Found(await resources.FindReportAsync(outcome.Share!.ResourceId, cancellationToken));
    }

    public async Task<Opened<SharedDashboard>> OpenDashboardAsync(string shareId, CancellationToken cancellationToken)
    {
        var outcome = await sharing.OpenAsync(ResourceKind.Dashboard, shareId, cancellationToken);
        if (outcome.Status != ShareStatus.Ok)
        {
            return new(outcome.Status, null);
        }
        var dashboard = await resources.FindDashboardAsync(outcome.Share!.ResourceId, cancellationToken);
        if (dashboard is null)
        {
            return new(ShareStatus.NotFound, null);
        }
        var reports = await resources.FindReportsAsync(dashboard.ReportIds, cancellationToken);
        var byId = reports.ToDictionary(r => r.Id);
        var ordered = dashboard.ReportIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return new(ShareStatus.Ok, new SharedDashboard(dashboard, ordered));
    }

    /// <summary>A report opened through a dashboard's share: only the dashboard's own reports are reachable.</summary>
    public async Task<Opened<Report>> OpenDashboardReportAsync(string shareId, Guid reportId, CancellationToken cancellationToken)
    {
        var dashboard = await OpenDashboardAsync(shareId, cancellationToken);
        if (dashboard.Status != ShareStatus.Ok)
        {
            return new(dashboard.Status, null);
        }
        return Found(dashboard.Value!.Reports.FirstOrDefault(r => r.Id == reportId));
    }

    private static Opened<Report> Found(Report? report) =>
        report is null ? new(ShareStatus.NotFound, null) : new(ShareStatus.Ok, report);
}

public sealed record SharedDashboard(Dashboard Dashboard, IReadOnlyList<Report> Reports);

public readonly record struct Opened<T>(ShareStatus Status, T? Value)
    where T : class;
