using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Policy;
using Sharekeep.Server.OpenApi;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>POST /api/public/share/enable and /disable, exactly as the reporting tool documents them.</summary>
internal static class ShareSwitchEndpoints
{
    public static RouteGroupBuilder MapShareSwitch(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/share")
            .WithTags("Reporting tool: sharing switch")
            .RequireAuthorization()
            .ProducesError<ReportingToolError>(StatusCodes.Status401Unauthorized);

        group.MapPost("/enable", (PolicyService policy, CancellationToken ct) => SetAsync(policy, true, ct))
            .WithName("EnableSharing")
            .WithSummary("Enables sharing of reports and dashboards; existing share URLs work again.");
        group.MapPost("/disable", (PolicyService policy, CancellationToken ct) => SetAsync(policy, false, ct))
            .WithName("DisableSharing")
            .WithSummary("Disables sharing of reports and dashboards; existing share URLs stop working, nothing is deleted.");
        return group;
    }

    private static async Task<NoContent> SetAsync(PolicyService policy, bool enabled, CancellationToken cancellationToken)
    {
        await policy.SetAsync(PolicySetting.Sharing, enabled, cancellationToken);
        return TypedResults.NoContent();
    }
}
