namespace Sharekeep.Core.Resources;

/// <summary>Creates, reads and deletes reports and dashboards; every API and the console go through here.</summary>
public sealed class ResourceService(IResourceStore store, TimeProvider time)
{
    public async Task<Outcome<Report>> CreateReportAsync(string? name, string dataJson, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ResourceRules.CheckName(name, errors);
        ResourceRules.CheckData(dataJson, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<Report>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var report = new Report(Guid.CreateVersion7(now), name!.Trim(), dataJson, now);
        await store.AddReportAsync(report, cancellationToken);
        return Outcome<Report>.Ok(report);
    }

    public async Task<Outcome<Dashboard>> CreateDashboardAsync(string? name, IReadOnlyList<Guid>? reportIds, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ResourceRules.CheckName(name, errors);
        ResourceRules.CheckReportIds(reportIds, errors);
        reportIds ??= [];
        if (errors.IsEmpty && reportIds.Count > 0)
        {
            var found = await store.FindReportsAsync(reportIds, cancellationToken);
            var known = found.Select(r => r.Id).ToHashSet();
            foreach (var missing in reportIds.Where(id => !known.Contains(id)))
            {
                errors.Add("reportIds", $"There is no report with id {missing}.");
            }
        }
        if (!errors.IsEmpty)
        {
            return Outcome<Dashboard>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var dashboard = new Dashboard(Guid.CreateVersion7(now), name!.Trim(), reportIds, now);
        await store.AddDashboardAsync(dashboard, cancellationToken);
        return Outcome<Dashboard>.Ok(dashboard);
    }

    public Task<Report?> FindReportAsync(Guid id, CancellationToken cancellationToken) => store.FindReportAsync(id, cancellationToken);

    public Task<IReadOnlyList<Report>> ListReportsAsync(CancellationToken cancellationToken) => store.ListReportsAsync(cancellationToken);

    /// <summary>Deletes the report, its share links and its place on every dashboard; false when there was none.</summary>
    public Task<bool> DeleteReportAsync(Guid id, CancellationToken cancellationToken) => store.DeleteReportAsync(id, cancellationToken);

    public Task<Dashboard?> FindDashboardAsync(Guid id, CancellationToken cancellationToken) => store.FindDashboardAsync(id, cancellationToken);

    public Task<IReadOnlyList<Dashboard>> ListDashboardsAsync(CancellationToken cancellationToken) => store.ListDashboardsAsync(cancellationToken);

    /// <summary>Deletes the dashboard and its share links (its reports stay); false when there was none.</summary>
    public Task<bool> DeleteDashboardAsync(Guid id, CancellationToken cancellationToken) => store.DeleteDashboardAsync(id, cancellationToken);
}
