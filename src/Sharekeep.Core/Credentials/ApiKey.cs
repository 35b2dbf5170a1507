namespace Sharekeep.Core.Credentials;

/// <summary>
/// A named credential for the admin API. Only a digest of its key is kept (<see cref="ApiKeyFormat.Digest"/>):
/// the key itself is shown once, when it is made.
/// </summary>
public sealed record ApiKey(
    Guid Id,
    string Name,
    IReadOnlyList<ApiScope> Scopes,
    string KeyDigest,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    DateTimeOffset? LastUsed,
    string? LastUsedAddress)
{
    public bool IsActiveAt(DateTimeOffset now) => Revoked is null && (Expires is null || now < Expires);

    public bool Grants(ApiScope scope) => ApiScopes.Grants(Scopes, scope);

    /// <summary>How the audit log and console sessions name this key: stable, and not the key.</summary>
    public string Credential => ApiKeyCredential.Of(Id);
}

/// <summary>A key just made: the record, and the key itself, which is never stored and never shown again.</summary>
public sealed record IssuedApiKey(ApiKey Record, string Key);

/// <summary>What an administrator asks for when making a key.</summary>
public sealed record ApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? Expires);

public static class ApiKeyCredential
{
    private const string Prefix = "key:";

    public static string Of(Guid id) => Prefix + id.ToString("D");

    public static bool TryParse(string credential, out Guid id)
    {
        id = Guid.Empty;
        return credential.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(credential[Prefix.Length..], "D", out id);
    }
}
