using Sharekeep.Core.Audit;

namespace Sharekeep.Core.Credentials;

/// <summary>Makes, checks, lists and revokes API keys.</summary>
public sealed class ApiKeyService(IApiKeyStore store, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MaxListed = 1000;

    /// <summary>
    /// Active keys at most: every one is listed in full (the console, GET /api/v1/keys), so that none can hide
    /// behind a page of others.
    /// </summary>
    public const int MaxActive = MaxListed;

    /// <summary>Last use is written at most this often per key (and whenever the address changes), not on every call.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<Outcome<IssuedApiKey>> CreateAsync(ApiKeyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", "A key needs a name that says who or what uses it.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"A key's name is at most {MaxNameLength} characters.");
        }
        else if (VisibleText.HasControlOrHiddenFormatting(name))
        {
            errors.Add("name", "A key's name may not contain control or invisible formatting characters.");
        }
        var scopes = new SortedSet<ApiScope>();
        foreach (var scopeName in request.Scopes ?? [])
        {
            if (ApiScopes.TryParse(scopeName, out var scope))
            {
                scopes.Add(scope);
            }
            else
            {
                errors.Add("scopes", $"Unknown scope; the scopes are {string.Join(", ", ApiScopes.All.Select(ApiScopes.Name))}.");
                break;
            }
        }
        if (scopes.Count == 0 && !errors.Names("scopes"))
        {
            errors.Add("scopes", $"A key needs at least one scope: {string.Join(", ", ApiScopes.All.Select(ApiScopes.Name))}.");
        }
        if (request.Expires is { } expires && expires <= now)
        {
            errors.Add("expires", "The expiry must be in the future.");
        }
        if (!errors.IsEmpty)
        {
            return Outcome<IssuedApiKey>.Invalid(errors);
        }
        if (await store.CountActiveAsync(now, cancellationToken) >= MaxActive)
        {
            return Outcome<IssuedApiKey>.Invalid("name", $"There are already {MaxActive} active keys; revoke some before making more.");
        }

        var key = ApiKeyFormat.NewKey();
        var record = new ApiKey(
            Guid.CreateVersion7(now), name, [.. scopes], ApiKeyFormat.Digest(key), now, request.Expires, null, null, null);
        await store.AddAsync(record, cancellationToken);
        // The key itself is answered once and stored nowhere: the entry names the key by its id.
        await audit.RecordAsync(
            actor,
            AuditActions.ApiKeyCreated,
            [record.Id.ToString()],
            new { record.Name, Scopes = record.Scopes.Select(ApiScopes.Name), record.Expires },
            cancellationToken);
        return Outcome<IssuedApiKey>.Ok(new IssuedApiKey(record, key));
    }

    /// <summary>The active key that <paramref name="presented"/> is, with its use noted; null for anything else.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, string? address, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.LooksLikeKey(presented))
        {
            return null;
        }
        var digest = ApiKeyFormat.Digest(presented);
        var now = time.GetUtcNow();
        if (await store.FindByDigestAsync(digest, cancellationToken) is not { } key
            || !ApiKeyFormat.DigestsMatch(key.KeyDigest, digest)
            || !key.IsActiveAt(now))
        {
            return null;
        }
        if (key.LastUsed is not { } last || now - last >= TouchInterval || !string.Equals(key.LastUsedAddress, address, StringComparison.Ordinal))
        {
            await store.TouchAsync(key.Id, now, address, cancellationToken);
        }
        return key;
    }

    /// <summary>Whether the key is still good for the console: active, and an admin key.</summary>
    public async Task<bool> IsActiveAdminAsync(Guid id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } key && key.IsActiveAt(time.GetUtcNow()) && key.Grants(ApiScope.Admin);

    public Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListAsync(bool includeRevoked, int limit, CancellationToken cancellationToken) =>
        store.ListAsync(includeRevoked, Math.Clamp(limit, 1, MaxListed), cancellationToken);

    public async Task<bool> RevokeAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (!await store.RevokeAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }
        await audit.RecordAsync(actor, AuditActions.ApiKeyRevoked, [id.ToString()], cancellationToken);
        return true;
    }
}
