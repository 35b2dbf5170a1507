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
/// answered 429 — a right one is never held back.
/// </summary>
internal sealed class ApiCredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiSecret secret,
    ApiKeyService keys,
    FailedAuthenticationBrake brake,
    ApiErrorWriter errors)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiSecret";
    private const string BearerPrefix = "Bearer ";

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
        var presented = value[BearerPrefix.Length..].Trim();
        if (secret.Matches(presented))
        {
            return Success(Actor.BootstrapSecret, ApiScopes.All);
        }
        if (await keys.AuthenticateAsync(presented, ClientAddress.Of(Context), Context.RequestAborted) is { } key)
        {
            return Success(key.Credential, key.Scopes);
        }
        return AuthenticateResult.Fail("The secret is not right.");
    }

    private static AuthenticateResult Success(string credential, IEnumerable<ApiScope> scopes) =>
        AuthenticateResult.Success(new AuthenticationTicket(new(CredentialClaims.Identity(credential, scopes, SchemeName)), SchemeName));

    /// <summary>
    /// Counted here rather than on every failed authentication: a visitor's page with a stray Authorization header
    /// fails authentication too, but only a protected route refused is a try at the API.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is not null && !brake.TryCount(Context, out var retryAfter))
        {
            Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await errors.WriteAsync(
                Context,
                StatusCodes.Status429TooManyRequests,
                "Too many wrong credentials.",
                $"Too many wrong credentials came from this network; wait {retryAfter} seconds. A right credential is still accepted.");
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
            $"This call needs an API key with the '{ApiScopes.Name(needed)}' scope (or 'admin').");
    }
}
