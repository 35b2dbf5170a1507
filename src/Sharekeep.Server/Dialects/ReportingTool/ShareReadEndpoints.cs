using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>
/// /api/share reads: a resource's share and the share status of many resources. Like the reporting tool, they
/// answer whatever the sharing policy: switching sharing off keeps the shares, it only stops their URLs.
/// </summary>
internal static class ShareReadEndpoints
{
    /// <summary>Bounds the work one status call asks of the database.</summary>
    public const int MaxIdsPerList = 1000;

    public static RouteGroupBuilder MapShareReads(this RouteGroupBuilder group)
    {
        group.MapGet("/report/{id}", (string id, SharingService sharing, CancellationToken ct) =>
                FindAsync(sharing, ResourceKind.Report, id, share => new ReportShareResponse(share.Key, share.ResourceId), ct))
            .RequireScope(ApiScope.Read)
            .WithName("GetReportShare")
            .WithSummary("The active share of the report with this id; 204 with no body when it has none.");
        group.MapGet("/dashboard/{id}", (string id, SharingService sharing, CancellationToken ct) =>
                FindAsync(sharing, ResourceKind.Dashboard, id, share => new DashboardShareResponse(share.Key, share.ResourceId), ct))
            .RequireScope(ApiScope.Read)
            .WithName("GetDashboardShare")
            .WithSummary("The active share of the dashboard with this id; 204 with no body when it has none.");
        // A POST only because the lists travel in a body: it changes nothing, so read scope is enough.
        group.MapPost("/status", StatusAsync)
            .RequireScope(ApiScope.Read)
            .WithName("GetShareStatus")
            .WithSummary($"For each report and dashboard id sent (at most {MaxIdsPerList} a list), whether it has an active share.");
        return group;
    }

    private static async Task<Results<Ok<T>, NoContent>> FindAsync<T>(
        SharingService sharing, ResourceKind kind, string resourceId, Func<Share, T> shape, CancellationToken cancellationToken)
    {
        // An id that is no GUID names no resource here: the same "no share" as an unknown one.
        var share = Guid.TryParse(resourceId, out var id) ? await sharing.FindActiveAsync(kind, id, cancellationToken) : null;
        return share is null ? TypedResults.NoContent() : TypedResults.Ok(shape(share));
    }

    private static async Task<Results<Ok<ShareStatusResponse>, BadRequest<ReportingToolError>>> StatusAsync(
        ShareStatusRequest? request, SharingService sharing, CancellationToken cancellationToken)
    {
        if ((Refusal(request?.Reports, "reports") ?? Refusal(request?.Dashboards, "dashboards")) is { } refusal)
        {
            return ReportingToolResults.BadRequest(refusal);
        }
        var reports = request?.Reports ?? [];
        var dashboards = request?.Dashboards ?? [];
        var shares = await sharing.FindActiveAsync(new ResourceIds(Guids(reports), Guids(dashboards)), cancellationToken);
        var shared = shares.Select(s => (s.Kind, s.ResourceId)).ToHashSet();
        return TypedResults.Ok(new ShareStatusResponse(
            StatusOf(reports, ResourceKind.Report, shared),
            StatusOf(dashboards, ResourceKind.Dashboard, shared)));
    }

    private static string? Refusal(IReadOnlyList<string?>? ids, string field) =>
        ids switch
        {
            { Count: > MaxIdsPerList } => $"The field '{field}' lists {ids.Count} ids; at most {MaxIdsPerList} are allowed in one call.",
            _ when ids?.Any(id => id is null) == true => $"The field '{field}' must be a list of id strings; it holds a null.",
            _ => null,
        };

    private static List<Guid> Guids(IReadOnlyList<string?> ids) =>
        ids.Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().Distinct().ToList();

    private static Dictionary<string, bool> StatusOf(IReadOnlyList<string?> ids, ResourceKind kind, HashSet<(ResourceKind, Guid)> shared)
    {
        var status = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var id in ids.OfType<string>())
        {
            status[id] = Guid.TryParse(id, out var guid) && shared.Contains((kind, guid));
        }
        return status;
    }
}
