namespace Sharekeep.Core.Credentials;

/// <summary>API keys, shared by every instance. Read per request, never cached, so a revoke holds everywhere at once.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<ApiKey?> FindByDigestAsync(string digest, CancellationToken cancellationToken);

    /// <summary>Keys neither revoked nor expired at <paramref name="now"/>.</summary>
    Task<int> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(bool includeRevoked, int limit, CancellationToken cancellationToken);

    /// <summary>Revokes the key if it is not revoked yet; false when there was no such unrevoked key.</summary>
    Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    Task TouchAsync(Guid id, DateTimeOffset at, string? address, CancellationToken cancellationToken);
}
