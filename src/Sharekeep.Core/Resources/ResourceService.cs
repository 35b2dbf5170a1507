using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;

namespace Sharekeep.Core.Resources;

/// <summary>Creates, reads and deletes reports and dashboards; every API and the console go through here.</summary>
public sealed class ResourceService(IResourceStore store, AuditLog audit, TimeProvider time)
{
    public async Task<Outcome<Report>> CreateReportAsync(string? name, string dataJson, Actor actor, CancellationToken cancellationToken)
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
        await audit.RecordAsync(actor, AuditActions.ReportCreated, [report.Id.ToString()], new { report.Name }, cancellationToken);
        return Outcome<Report>.Ok(report);
    }

    public async Task<Outcome<Dashboard>> CreateDashboardAsync(string? name, IReadOnlyList<Guid>? reportIds, Actor actor, CancellationToken cancellationToken)
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
        await audit.RecordAsync(
            actor, AuditActions.DashboardCreated, [dashboard.Id.ToString()], new { dashboard.Name, ReportIds = dashboard.ReportIds }, cancellationToken);
        return Outcome<Dashboard>.Ok(dashboard);
    }

    public Task<Report?> FindReportAsync(Guid id, CancellationToken cancellationToken) => store.FindReportAsync(id, cancellationToken);

    public Task<IReadOnlyList<Report>> ListReportsAsync(CancellationToken cancellationToken) => store.ListReportsAsync(cancellationToken);

    /// <summary>Deletes the report, its share links and its place on every dashboard; false when there was none.</summary>
    public async Task<bool> DeleteReportAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        await store.DeleteReportAsync(id, cancellationToken) && await RecordedAsync(actor, AuditActions.ReportDeleted, id, cancellationToken);

    public Task<Dashboard?> FindDashboardAsync(Guid id, CancellationToken cancellationToken) => store.FindDashboardAsync(id, cancellationToken);

    public Task<IReadOnlyList<Dashboard>> ListDashboardsAsync(CancellationToken cancellationToken) => store.ListDashboardsAsync(cancellationToken);

    /// <summary>Deletes the dashboard and its share links (its reports stay); false when there was none.</summary>
    public async Task<bool> DeleteDashboardAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        await store.DeleteDashboardAsync(id, cancellationToken) && await RecordedAsync(actor, AuditActions.DashboardDeleted, id, cancellationToken);

    private async Task<bool> RecordedAsync(Actor actor, string action, Guid id, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(actor, action, [id.ToString()], cancellationToken);
        return true;
    }
}
