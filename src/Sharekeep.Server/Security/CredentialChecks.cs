using Sharekeep.Core.Credentials;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Security;

/// <summary>What a presented credential turned out to be.</summary>
internal enum CredentialCheck
{
    Accepted,
    Wrong,

    /// <summary>Wrong, and the client's network is now past the brake's limit (or was, so it was not checked).</summary>
    Braked,
}

/// <summary>
/// The one place an admin credential is checked, for the API and the console's sign-in alike, with the brake on
/// wrong ones per client network (<see cref="CredentialBrake"/>).
/// </summary>
internal sealed class CredentialChecks(ApiSecret secret, ApiKeyService keys, CredentialBrake brake)
{
    public async Task<(CredentialCheck Check, string? Credential, IReadOnlyList<ApiScope> Scopes, TimeSpan RetryAfter)> CheckAsync(
        HttpContext context, string presented)
    {
        var network = ClientAddress.NetworkOf(context);
        if (ApiKeyFormat.LooksLikeKey(presented))
        {
            if (await keys.AuthenticateAsync(presented, ClientAddress.Of(context), context.RequestAborted) is { } key)
            {
                return (CredentialCheck.Accepted, key.Credential, key.Scopes, TimeSpan.Zero);
            }
        }
        else if (brake.IsBraked(network, out var wait))
        {
            return (CredentialCheck.Braked, null, [], wait);
        }
        else if (secret.Matches(presented))
        {
            return (CredentialCheck.Accepted, Actor.BootstrapSecret, ApiScopes.All, TimeSpan.Zero);
        }
        return brake.Fail(network, out var retryAfter)
            ? (CredentialCheck.Braked, null, [], retryAfter)
            : (CredentialCheck.Wrong, null, [], TimeSpan.Zero);
    }
}
