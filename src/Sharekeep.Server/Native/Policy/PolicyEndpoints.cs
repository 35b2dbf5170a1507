using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Policy;
using Sharekeep.Server.Errors;

namespace Sharekeep.Server.Native.Policy;

internal static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicy(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/").WithTags("Policy");
        group.MapGet("/policy", GetAsync).WithName("GetPolicy").WithSummary("The sharing policy in force.");
        group.MapGet("/audit", GetAuditAsync)
            .WithName("GetAudit")
            .WithSummary("Every change of the policy, newest first, with the credential that made it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Ok<PolicyResponse>> GetAsync(PolicyService policy, CancellationToken cancellationToken)
    {
        var current = await policy.GetAsync(cancellationToken);
        return TypedResults.Ok(new PolicyResponse(
            current.SharingEnabled, current.ExternalSharingEnabled, current.SocialMediaEnabled, current.SocialMediaSetting, current.LastModified));
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryResponse>>, ProblemHttpResult>> GetAuditAsync(
        PolicyService policy, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > PolicyService.MaxAuditPage)
        {
            return NativeProblems.BadRequest($"limit is between 1 and {PolicyService.MaxAuditPage}.");
        }
        var entries = await policy.GetAuditAsync(limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AuditEntryResponse>>(entries.Select(ToResponse).ToList());
    }

    private static AuditEntryResponse ToResponse(AuditEntry entry) => entry switch
    {
        { Change: { } change } => new(
            entry.Id, change.At, JsonNamingPolicy.CamelCase.ConvertName(change.Setting.ToString()), change.OldValue, change.NewValue, entry.Actor),
        _ => new(
            entry.Id, entry.At, "linkPolicy", null, null, entry.Actor,
            LinkPolicyEndpoints.ToResponse(new EffectiveLinkPolicy(entry.LinkPolicyChange!.OldPolicy, null)),
            LinkPolicyEndpoints.ToResponse(new EffectiveLinkPolicy(entry.LinkPolicyChange.NewPolicy, entry.At))),
    };
}
