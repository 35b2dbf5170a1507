using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Credentials;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Security;

/// <summary>
/// "Bearer &lt;credential&gt;" in the Authorization header, or in the Authentication header that the reporting
/// tool's documents name; the same check for both. The credential is the bootstrap API secret (every scope) or an
/// API key (its own scopes). Wrong credentials are counted per client network; past the brake's limit they are
/// answered 429 (<see cref="CredentialChecks"/>). Only protected routes look at the header: a visitor's page with
/// a stray Authorization header neither fails nor counts.
/// </summary>
internal sealed class ApiCredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CredentialChecks checks,
    ApiErrorWriter errors)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiSecret";
    private const string BearerPrefix = "Bearer ";
    private static readonly object RetryAfterKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count == 0)
        {
            header = Request.Headers["Authentication"];
        }
        if (header.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var value = header.Count == 1 ? header[0] : null;
        if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The authorization header is not 'Bearer <secret>'.");
        }
        var (check, credential, scopes, retryAfter) = await checks.CheckAsync(Context, value[BearerPrefix.Length..].Trim());
        switch (check)
        {
            case CredentialCheck.Accepted:
                return Success(credential!, scopes);
            case CredentialCheck.Braked:
                Context.Items[RetryAfterKey] = retryAfter;
                return AuthenticateResult.Fail("Too many wrong credentials from this network.");
            default:
                return AuthenticateResult.Fail("The secret is not right.");
        }
    }

    private static AuthenticateResult Success(string credential, IEnumerable<ApiScope> scopes) =>
        AuthenticateResult.Success(new AuthenticationTicket(new(CredentialClaims.Identity(credential, scopes, SchemeName)), SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterKey] is TimeSpan retryAfter)
        {
            Response.Headers.RetryAfter = RetryAfter.Seconds(retryAfter);
            await errors.WriteAsync(
                Context,
                StatusCodes.Status429TooManyRequests,
                "Too many wrong credentials.",
                $"Too many wrong credentials came from this network; try again in {RetryAfter.Seconds(retryAfter)} seconds. API keys are still accepted.");
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await errors.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "The API secret is missing or not right.",
            "Send the secret or an API key as 'Authorization: Bearer <secret>'.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = ScopeAuthorization.RequiredFor(Context);
        await errors.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "The credential's scopes do not allow this.",
            needed == ApiScope.Admin
                ? "This call needs an API key with the 'admin' scope."
                : $"This call needs an API key with the '{ApiScopes.Name(needed)}' scope (or 'admin').");
    }
}
