using Sharekeep.Core.Resources;

namespace Sharekeep.Storage.Caching;

/// <summary>
/// Reports and dashboards opened through share links come from memory. They are never edited in place, only
/// added and deleted, and a deleted one is also invalidated.
/// </summary>
internal sealed class CachedResourceStore(Lazy<IResourceStore> inner, StorageCache cache) : IResourceStore
{
    public Task AddReportAsync(Report report, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.AddReportAsync(report, cancellationToken), ReportChange(report.Id));

    public Task<Report?> FindReportAsync(Guid id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(ChangeArea.Report, id.ToString(), () => inner.Value.FindReportAsync(id, cancellationToken));

    public Task<IReadOnlyList<Report>> ListReportsAsync(CancellationToken cancellationToken) =>
        inner.Value.ListReportsAsync(cancellationToken);

    public async Task<IReadOnlyList<Report>> FindReportsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new List<Report>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            if (await FindReportAsync(id, cancellationToken) is { } report)
            {
                found.Add(report);
            }
        }
        return found;
    }

    public Task<bool> DeleteReportAsync(Guid id, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.DeleteReportAsync(id, cancellationToken), ReportChange(id));

    public Task AddDashboardAsync(Dashboard dashboard, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.AddDashboardAsync(dashboard, cancellationToken), DashboardChange(dashboard.Id));

    public Task<Dashboard?> FindDashboardAsync(Guid id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(ChangeArea.Dashboard, id.ToString(), () => inner.Value.FindDashboardAsync(id, cancellationToken));

    public Task<IReadOnlyList<Dashboard>> ListDashboardsAsync(CancellationToken cancellationToken) =>
        inner.Value.ListDashboardsAsync(cancellationToken);

    public Task<bool> DeleteDashboardAsync(Guid id, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.DeleteDashboardAsync(id, cancellationToken), DashboardChange(id));

    public Task<bool> ExistsAsync(ResourceKind kind, Guid id, CancellationToken cancellationToken) =>
        inner.Value.ExistsAsync(kind, id, cancellationToken);

    private static Change ReportChange(Guid id) => new(ChangeArea.Report, id.ToString());

    private static Change DashboardChange(Guid id) => new(ChangeArea.Dashboard, id.ToString());
}
