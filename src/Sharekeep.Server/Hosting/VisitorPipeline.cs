using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// Visitors' requests (share evaluate, file-link resolve, the public pages, their bytes and the stylesheet) skip the
/// middleware that checks API callers. For them it could only cost: they are anonymous by design, their forms check
/// their own antiforgery token (<see cref="Pages.PageForms"/>), and authenticating a stray Authorization header would
/// count a visitor's request against the credential brake of their network. Everything else (proxies, errors, 503 on
/// a database outage, body limits) still runs for them.
/// </summary>
internal static class VisitorPipeline
{
    private static readonly string[] Prefixes = ["/api/external/share", "/api/2.0/files/share", "/s", "/share", "/assets"];

    // WebApplication adds authentication, authorization and antiforgery in front of the whole pipeline by itself
    // unless the app's own builder says they are in place; calls inside a branch do not say so (a branch's
    // properties are a copy), so without these marks every visitor's request would pass them all the same.
    // The keys are the framework's (WebApplicationBuilder); VisitorPipelineTests prove that visitors skip the checks.
    private static readonly string[] FrameworkMarks = ["__AuthenticationMiddlewareSet", "__AuthorizationMiddlewareSet", "__AntiforgeryMiddlewareSet"];

    /// <summary>Authentication, authorization, antiforgery and the heavy-request limit, for every request but a visitor's.</summary>
    public static WebApplication UseCallerChecks(this WebApplication app)
    {
        app.UseWhen(context => !Serves(context), callers =>
        {
            callers.UseAuthentication();
            callers.UseAuthorization();
            callers.UseAntiforgery();
            callers.UseRateLimiter();
        });
        foreach (var mark in FrameworkMarks)
        {
            ((IApplicationBuilder)app).Properties[mark] = true;
        }
        return app;
    }

    /// <summary>
    /// A visitor's request: under a visitors' path, and routed to an endpoint those checks would wave through
    /// anyway (anonymous, no authorization data, no antiforgery requirement). An endpoint that one day needs a
    /// credential under these paths is checked as before: the path alone exempts nothing.
    /// </summary>
    public static bool Serves(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || !IsVisitorPath(context.Request.Path))
        {
            return false;
        }
        var metadata = endpoint.Metadata;
        return metadata.GetMetadata<IAllowAnonymous>() is not null
            && metadata.GetMetadata<IAuthorizeData>() is null
            && metadata.GetMetadata<AuthorizationPolicy>() is null
            && metadata.GetMetadata<IAuthorizationRequirementData>() is null
            && metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true };
    }

    private static bool IsVisitorPath(PathString path)
    {
        foreach (var prefix in Prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
