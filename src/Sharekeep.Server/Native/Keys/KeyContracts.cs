namespace Sharekeep.Server.Native.Keys;

/// <summary>POST /api/v1/keys: a name, one or more scopes (read, share, policy, admin), and an optional expiry.</summary>
internal sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? Expires);

/// <summary>An API key as listed: never the key itself, which only the creating answer carries.</summary>
internal sealed record KeyResponse(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    DateTimeOffset? LastUsed,
    string? LastUsedAddress,
    bool Active);

/// <summary>The answer to creating a key: the key, shown this once, beside what is kept of it.</summary>
internal sealed record CreatedKeyResponse(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string Key,
    DateTimeOffset Created,
    DateTimeOffset? Expires);
