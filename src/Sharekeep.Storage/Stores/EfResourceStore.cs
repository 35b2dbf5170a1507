using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Resources;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfResourceStore(SharekeepDbContext db) : IResourceStore
{
    public Task AddReportAsync(Report report, CancellationToken cancellationToken) =>
        db.AddAsync(
            db => db.Reports.Add(new ReportRow { Id = report.Id, Name = report.Name, DataJson = report.DataJson, Created = report.Created }),
            ct => db.Reports.AnyAsync(r => r.Id == report.Id, ct),
            cancellationToken);

    public async Task<Report?> FindReportAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return row is null ? null : ToReport(row);
    }

    public async Task<IReadOnlyList<Report>> ListReportsAsync(CancellationToken cancellationToken) =>
        (await db.Reports.AsNoTracking().OrderBy(r => r.Created).ThenBy(r => r.Id).ToListAsync(cancellationToken))
        .ConvertAll(ToReport);

    public async Task<IReadOnlyList<Report>> FindReportsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToReport);
    }

    public Task<bool> DeleteReportAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteWithSharesAsync(ResourceKind.Report, id, db.Reports.Where(r => r.Id == id), cancellationToken);

    public Task AddDashboardAsync(Dashboard dashboard, CancellationToken cancellationToken) =>
        db.AddAsync(
            db => db.Dashboards.Add(new DashboardRow
            {
                Id = dashboard.Id,
                Name = dashboard.Name,
                Created = dashboard.Created,
                Reports = dashboard.ReportIds
                    .Select((reportId, position) => new DashboardReportRow { DashboardId = dashboard.Id, ReportId = reportId, Position = position })
                    .ToList(),
            }),
            ct => db.Dashboards.AnyAsync(d => d.Id == dashboard.Id, ct),
            cancellationToken);

    public async Task<Dashboard?> FindDashboardAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Dashboards.AsNoTracking().Include(d => d.Reports).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : ToDashboard(row);
    }

    public async Task<IReadOnlyList<Dashboard>> ListDashboardsAsync(CancellationToken cancellationToken) =>
        (await db.Dashboards.AsNoTracking().Include(d => d.Reports).OrderBy(d => d.Created).ThenBy(d => d.Id).ToListAsync(cancellationToken))
        .ConvertAll(ToDashboard);

    public Task<bool> DeleteDashboardAsync(Guid id, CancellationToken cancellationToken) =>
        DeleteWithSharesAsync(ResourceKind.Dashboard, id, db.Dashboards.Where(d => d.Id == id), cancellationToken);

    public Task<bool> ExistsAsync(ResourceKind kind, Guid id, CancellationToken cancellationToken) => kind switch
    {
        ResourceKind.Report => db.Reports.AnyAsync(r => r.Id == id, cancellationToken),
        ResourceKind.Dashboard => db.Dashboards.AnyAsync(d => d.Id == id, cancellationToken),
        _ => Task.FromResult(false),
    };

    /// <summary>A resource and its share links go together, or not at all.</summary>
    private Task<bool> DeleteWithSharesAsync<TRow>(
        ResourceKind kind, Guid id, IQueryable<TRow> resource, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                if (await resource.ExecuteDeleteAsync(ct) == 0)
                {
                    return false;
                }
                await db.Shares.Where(s => s.Kind == (int)kind && s.ResourceId == id).ExecuteDeleteAsync(ct);
                return true;
            },
            async ct => !await resource.AnyAsync(ct),
            cancellationToken);

    private static Report ToReport(ReportRow row) => new(row.Id, row.Name, row.DataJson, row.Created);

    private static Dashboard ToDashboard(DashboardRow row) =>
        new(row.Id, row.Name, row.Reports.OrderBy(r => r.Position).Select(r => r.ReportId).ToList(), row.Created);
}
