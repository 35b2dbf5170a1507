using System.Security.Claims;
using Sharekeep.Core.Credentials;
using Sharekeep.Server.Admin;

namespace Sharekeep.Server.Security;

/// <summary>What a signed-in request carries about its credential, and who the audit log says acted.</summary>
internal static class CredentialClaims
{
    /// <summary>"api-secret" or "key:&lt;id&gt;": the credential, never its secret.</summary>
    public const string Credential = "sharekeep:credential";

    public const string Scope = "sharekeep:scope";

    public static ClaimsIdentity Identity(string credential, IEnumerable<ApiScope> scopes, string scheme) =>
        new(
            [new Claim(ClaimTypes.Name, credential), new Claim(Credential, credential), .. scopes.Select(s => new Claim(Scope, ApiScopes.Name(s)))],
            scheme);

    public static IReadOnlyList<ApiScope> ScopesOf(ClaimsPrincipal user) =>
        [.. user.FindAll(Scope).Select(c => ApiScopes.TryParse(c.Value, out var scope) ? scope : (ApiScope?)null).OfType<ApiScope>()];

    /// <summary>Who is acting in this request: the API credential, or the console session and the credential it was opened with.</summary>
    public static Actor ActorOf(HttpContext context)
    {
        var user = context.User;
        var credential = user.FindFirstValue(Credential) ?? "unknown";
        return new Actor(credential, AdminSession.SessionIdOf(user));
    }
}
