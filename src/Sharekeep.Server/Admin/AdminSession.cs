using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Admin;

/// <summary>
/// The admin console's session: the API secret is given once, on the sign-in form, and exchanged for an
/// HttpOnly, SameSite=Strict cookie signed with the shared Data Protection keys. The secret never reaches browser
/// storage, and every instance accepts every other's sessions.
/// </summary>
internal static class AdminSession
{
    public const string Scheme = "AdminSession";
    public const string Policy = "AdminConsole";
    public const string SignInLimiter = "admin-sign-in";
    public const string CookieName = "sharekeep-admin";

    /// <summary>Sign-in tries per client address per minute: the secret is long, but nobody needs more.</summary>
    public const int SignInTriesPerMinute = 10;

    /// <summary>The console's session cookie, its sign-in brake, and what its page reads.</summary>
    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminOverviewReader>();
        builder.Services.AddAuthentication()
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = AdminEndpoints.Path;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = AdminEndpoints.Path;
                options.AccessDeniedPath = AdminEndpoints.Path;
                options.ReturnUrlParameter = "";
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SignInLimiter, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInTriesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("Too many sign-in attempts from this address; wait a minute and try again.", cancellationToken);
            };
        });
        return builder;
    }

    public static Task SignInAsync(HttpContext context) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "console-admin")], Scheme)));

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

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
