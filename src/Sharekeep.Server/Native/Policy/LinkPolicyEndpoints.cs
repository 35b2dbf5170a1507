using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Policy;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Policy;

/// <summary>/api/v1/link-policy: the rules every new link obeys, and the existing links that break them.</summary>
internal static class LinkPolicyEndpoints
{
    public static RouteGroupBuilder MapLinkPolicy(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/link-policy").WithTags("Policy");
        group.MapGet("/", GetAsync).WithName("GetLinkPolicy").WithSummary("The link policy in force.");
        group.MapPut("/", SetAsync)
            .RequireScope(ApiScope.Policy)
            .WithName("SetLinkPolicy")
            .WithSummary("Sets the whole link policy, on every instance; audited when it changes, and repeating it changes nothing.")
            .ProducesValidationProblem();
        group.MapGet("/violations", ListViolationsAsync)
            .WithName("ListLinkPolicyViolations")
            .WithSummary($"Active links that break the policy in force, oldest first; at most limit (1 to {LinkPolicyService.MaxViolationPage}, default 100), truncated says whether there are more.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Ok<LinkPolicyResponse>> GetAsync(LinkPolicyService linkPolicy, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await linkPolicy.GetAsync(cancellationToken)));

    private static async Task<Results<Ok<LinkPolicyResponse>, ValidationProblem>> SetAsync(
        LinkPolicyRequest request, HttpContext context, LinkPolicyService linkPolicy, CancellationToken cancellationToken)
    {
        var (policy, missing) = Read(request);
        if (policy is null)
        {
            return TypedResults.ValidationProblem(missing);
        }
        var outcome = await linkPolicy.SetAsync(policy, CredentialClaims.ActorOf(context), cancellationToken);
        return outcome.Value is { } update
            ? TypedResults.Ok(ToResponse(update.Current))
            : TypedResults.ValidationProblem(outcome.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<LinkViolationsResponse>, ProblemHttpResult>> ListViolationsAsync(
        LinkPolicyService linkPolicy, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > LinkPolicyService.MaxViolationPage)
        {
            return NativeProblems.BadRequest($"limit is between 1 and {LinkPolicyService.MaxViolationPage}.");
        }
        var violations = await linkPolicy.ListViolationsAsync(limit, cancellationToken);
        return TypedResults.Ok(new LinkViolationsResponse([.. violations.Links.Select(LinkViolationResponse.Of)], violations.Truncated));
    }

    /// <summary>The policy the body names, or the fields it left out.</summary>
    private static (LinkPolicy? Policy, Dictionary<string, string[]> Missing) Read(LinkPolicyRequest request)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.FileLinks is null)
        {
            missing["fileLinks"] = ["fileLinks is required: the whole policy is set at once."];
        }
        if (request.Shares is null)
        {
            missing["shares"] = ["shares is required: the whole policy is set at once."];
        }
        if (request.FileLinks is { RequirePassword: null })
        {
            missing["fileLinks.requirePassword"] = ["fileLinks.requirePassword is required (true or false)."];
        }
        if (request.FileLinks is { DenyDownloadByDefault: null })
        {
            missing["fileLinks.denyDownloadByDefault"] = ["fileLinks.denyDownloadByDefault is required (true or false)."];
        }
        if (missing.Count > 0)
        {
            return (null, missing);
        }
        var (files, shares) = (request.FileLinks!, request.Shares!);
        return (new LinkPolicy(
            new FileLinkRules(files.DefaultLifetimeDays, files.MaxLifetimeDays, files.RequirePassword!.Value, files.MinPasswordLength, files.DenyDownloadByDefault!.Value),
            new ShareRules(shares.DefaultLifetimeDays, shares.MaxLifetimeDays)), missing);
    }

    public static LinkPolicyResponse ToResponse(EffectiveLinkPolicy current)
    {
        var (files, shares) = (current.Policy.FileLinks, current.Policy.Shares);
        return new LinkPolicyResponse(
            new FileLinkPolicyResponse(files.DefaultLifetimeDays, files.MaxLifetimeDays, files.RequirePassword, files.MinPasswordLength, files.DenyDownloadByDefault),
            new SharePolicyResponse(shares.DefaultLifetimeDays, shares.MaxLifetimeDays),
            current.LastModified);
    }
}
