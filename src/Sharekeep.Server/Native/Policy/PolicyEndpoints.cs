using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Policy;

namespace Sharekeep.Server.Native.Policy;

internal static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicy(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/").WithTags("Policy");
        group.MapGet("/policy", GetAsync).WithName("GetPolicy").WithSummary("The sharing policy in force.");
        return group;
    }

    private static async Task<Ok<PolicyResponse>> GetAsync(PolicyService policy, CancellationToken cancellationToken)
    {
        var current = await policy.GetAsync(cancellationToken);
        return TypedResults.Ok(new PolicyResponse(
            current.SharingEnabled, current.ExternalSharingEnabled, current.SocialMediaEnabled, current.SocialMediaSetting, current.LastModified));
    }
}
