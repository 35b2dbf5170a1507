using Microsoft.AspNetCore.Authorization;
using Sharekeep.Core.Credentials;

namespace Sharekeep.Server.Security;

/// <summary>Endpoint metadata: the scope an API key needs for this endpoint.</summary>
internal sealed record RequiredScope(ApiScope Scope);

/// <summary>
/// Every admin API endpoint needs a scope: the one its metadata names, or else, by its method, <c>read</c> for
/// GET and HEAD and <c>admin</c> for anything else — so an endpoint that forgets to say is closed, not open.
/// </summary>
internal static class ScopeAuthorization
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiScope scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    public static ApiScope RequiredFor(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is { } named)
        {
            return named.Scope;
        }
        return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? ApiScope.Read : ApiScope.Admin;
    }

    /// <summary>The admin API's default policy: a credential whose scopes grant what the endpoint needs.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(ApiCredentialAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser()
        .AddRequirements(new ScopeRequirement())
        .Build();
}

internal sealed class ScopeRequirement : IAuthorizationRequirement;

internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.Resource is HttpContext http && ApiScopes.Grants(CredentialClaims.ScopesOf(context.User), ScopeAuthorization.RequiredFor(http)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
