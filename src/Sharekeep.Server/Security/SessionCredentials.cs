using Sharekeep.Core.Credentials;
using Sharekeep.Core.Sessions;

namespace Sharekeep.Server.Security;

/// <summary>
/// A console session holds while the credential it was opened with does: the API secret it was opened with is still
/// the configured one, or its API key is active and still an admin key.
/// </summary>
internal sealed class SessionCredentials(ApiSecret secret, ApiKeyService keys) : ISessionCredentials
{
    public async Task<bool> HoldAsync(string credentialStamp, CancellationToken cancellationToken)
    {
        if (ApiKeyCredential.TryParse(credentialStamp, out var keyId))
        {
            return await keys.IsActiveAdminAsync(keyId, cancellationToken);
        }
        return string.Equals(credentialStamp, secret.SessionStamp, StringComparison.Ordinal);
    }

    /// <summary>What a session opened with <paramref name="credential"/> ("api-secret" or "key:&lt;id&gt;") is stamped with.</summary>
    public string StampFor(string credential) => credential == Actor.BootstrapSecret ? secret.SessionStamp : credential;
}
