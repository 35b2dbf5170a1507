using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Policy;
using Sharekeep.Server.OpenApi;
using Sharekeep.Server.Security;

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

        group.MapPost("/enable", (HttpContext context, PolicyService policy, CancellationToken ct) => SetAsync(context, policy, true, ct))
            .RequireScope(ApiScope.Policy)
            .WithName("EnableSharing")
            .WithSummary("Enables sharing of reports and dashboards; existing share URLs work again.");
        group.MapPost("/disable", (HttpContext context, PolicyService policy, CancellationToken ct) => SetAsync(context, policy, false, ct))
            .RequireScope(ApiScope.Policy)
            .WithName("DisableSharing")
            .WithSummary("Disables sharing of reports and dashboards; existing share URLs stop working, nothing is deleted.");
        return group;
    }

    private static async Task<NoContent> SetAsync(HttpContext context, PolicyService policy, bool enabled, CancellationToken cancellationToken)
    {
        await policy.SetAsync(PolicySetting.Sharing, enabled, CredentialClaims.ActorOf(context), cancellationToken);
        return TypedResults.NoContent();
    }
}
