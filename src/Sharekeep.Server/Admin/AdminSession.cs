using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sharekeep.Core.Sessions;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Admin;

/// <summary>
/// The admin console's session: the API secret is given once, on the sign-in form, and exchanged for a session kept
/// in the database (<see cref="ConsoleSessionService"/>) whose id travels in an HttpOnly, SameSite=Strict cookie
/// signed with the shared Data Protection keys. Every request checks the session, so that signing out, ending it
/// from another session or rotating the secret ends it on every instance at once. Antiforgery tokens are bound to
/// the session's id.
/// </summary>
internal static class AdminSession
{
    public const string Scheme = "AdminSession";
    public const string Policy = "AdminConsole";
    public const string CookieName = "sharekeep-admin";

    /// <summary>The console's session cookie and what its page reads; sign-in shares the API's brake (<see cref="CredentialChecks"/>).</summary>
    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminOverviewReader>();
        builder.Services.AddScoped<AdminLinkListReader>();
        builder.Services.AddAuthentication()
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = AdminEndpoints.Path;
                // The server decides when a session is over; the cookie only never outlives the longest session.
                options.ExpireTimeSpan = ConsoleSessionRules.Lifetime;
                options.SlidingExpiration = false;
                options.Events.OnValidatePrincipal = ValidateAsync;
                options.LoginPath = AdminEndpoints.Path;
                options.AccessDeniedPath = AdminEndpoints.Path;
                options.ReturnUrlParameter = "";
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>Opens a session for <paramref name="credential"/> ("api-secret" or an admin key's "key:&lt;id&gt;").</summary>
    public static async Task SignInAsync(HttpContext context, string credential)
    {
        var stamp = context.RequestServices.GetRequiredService<SessionCredentials>().StampFor(credential);
        var session = await context.RequestServices.GetRequiredService<ConsoleSessionService>().StartAsync(
            credential, stamp, ClientAddress.Of(context), context.Request.Headers.UserAgent.ToString(), context.RequestAborted);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.Id.ToString()),
                new Claim(ClaimTypes.Name, "console-admin"),
                new Claim(CredentialClaims.Credential, credential),
            ],
            Scheme)));
    }

    /// <summary>Ends the request's own session everywhere, and drops its cookie.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        if (SessionIdOf(context.User) is { } id)
        {
            await context.RequestServices.GetRequiredService<ConsoleSessionService>().EndAsync(id, CredentialClaims.ActorOf(context), context.RequestAborted);
        }
        await context.SignOutAsync(Scheme);
    }

    public static Guid? SessionIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>A cookie is only as good as the session it names: ended, idle, too old, or its credential gone, it is refused.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var open = context.Principal is { } principal
            && SessionIdOf(principal) is { } id
            && await services.GetRequiredService<ConsoleSessionService>().CheckAsync(id, context.HttpContext.RequestAborted);
        if (!open)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    /// <summary>
    /// Whether the request carries a valid session; if so it becomes the request's user, so that the antiforgery
    /// tokens the page hands out belong to the session (the actions validate them as that user).
    /// </summary>
    public static async Task<bool> IsSignedInAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(Scheme);
        if (session is { Succeeded: true, Principal: { } principal })
        {
            context.User = principal;
            return true;
        }
        return false;
    }
}
