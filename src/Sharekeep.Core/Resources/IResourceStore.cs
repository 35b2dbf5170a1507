namespace Sharekeep.Core.Resources;

/// <summary>Where reports and dashboards live. Deleting a resource also deletes its share links.</summary>
public interface IResourceStore
{
    Task AddReportAsync(Report report, CancellationToken cancellationToken);

    Task<Report?> FindReportAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Report>> ListReportsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Report>> FindReportsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<bool> DeleteReportAsync(Guid id, CancellationToken cancellationToken);

    Task AddDashboardAsync(Dashboard dashboard, CancellationToken cancellationToken);

    Task<Dashboard?> FindDashboardAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Dashboard>> ListDashboardsAsync(CancellationToken cancellationToken);

    Task<bool> DeleteDashboardAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(ResourceKind kind, Guid id, CancellationToken cancellationToken);
}
