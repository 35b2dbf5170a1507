namespace Sharekeep.Core.Resources;

/// <summary>Creates reports and dashboards after checking them; every API goes through here.</summary>
public sealed class ResourceService(IResourceStore store, TimeProvider time)
{
    public async Task<Creation<Report>> CreateReportAsync(string? name, string dataJson, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ResourceRules.CheckName(name, errors);
        if (!errors.IsEmpty)
        {
            return Creation<Report>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var report = new Report(Guid.CreateVersion7(now), name!.Trim(), dataJson, now);
        await store.AddReportAsync(report, cancellationToken);
        return Creation<Report>.Done(report);
    }

    public async Task<Creation<Dashboard>> CreateDashboardAsync(string? name, IReadOnlyList<Guid>? reportIds, CancellationToken cancellationToken)
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
            return Creation<Dashboard>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var dashboard = new Dashboard(Guid.CreateVersion7(now), name!.Trim(), reportIds, now);
        await store.AddDashboardAsync(dashboard, cancellationToken);
        return Creation<Dashboard>.Done(dashboard);
    }
}

/// <summary>Either the new thing or why it was refused.</summary>
public sealed record Creation<T>(T? Value, ValidationErrors? Errors)
    where T : class
{
    public static Creation<T> Done(T value) => new(value, null);

    public static Creation<T> Invalid(ValidationErrors errors) => new(null, errors);
}
