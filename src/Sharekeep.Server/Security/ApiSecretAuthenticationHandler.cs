using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Errors;

namespace Sharekeep.Server.Security;

/// <summary>
/// "Bearer &lt;secret&gt;" in the Authorization header, or in the Authentication header that the reporting
/// tool's documents name; the same check for both.
/// </summary>
internal sealed class ApiSecretAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiSecret secret,
    ApiErrorWriter errors)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiSecret";
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count == 0)
        {
            header = Request.Headers["Authentication"];
        }
        if (header.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var value = header.Count == 1 ? header[0] : null;
        if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("The authorization header is not 'Bearer <secret>'."));
        }
        if (!secret.Matches(value[BearerPrefix.Length..].Trim()))
        {
            return Task.FromResult(AuthenticateResult.Fail("The secret is not right."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await errors.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "The API secret is missing or not right.",
            "Send the secret as 'Authorization: Bearer <secret>'.");
    }
}
