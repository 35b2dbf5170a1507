using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Credentials;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfApiKeyStore(SharekeepDbContext db) : IApiKeyStore
{
    public Task AddAsync(ApiKey key, CancellationToken cancellationToken) =>
        db.AddAsync(
            db => db.ApiKeys.Add(new ApiKeyRow
            {
                Id = key.Id,
                Name = key.Name,
                Scopes = string.Join(',', key.Scopes.Select(ApiScopes.Name)),
                KeyDigest = key.KeyDigest,
                Created = key.Created,
                Expires = key.Expires,
            }),
            ct => db.ApiKeys.AnyAsync(k => k.Id == key.Id, ct),
            cancellationToken);

    public async Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        ToKey(await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken));

    public async Task<ApiKey?> FindByDigestAsync(string digest, CancellationToken cancellationToken) =>
        ToKey(await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyDigest == digest, cancellationToken));

    public Task<int> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ApiKeys.CountAsync(k => k.Revoked == null && (k.Expires == null || k.Expires > now), cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(bool includeRevoked, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.ApiKeys.AsNoTracking()
            .Where(k => includeRevoked || k.Revoked == null)
            .OrderByDescending(k => k.Created)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToKey).OfType<ApiKey>()];
    }

    public Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct => await db.ApiKeys.Where(k => k.Id == id && k.Revoked == null)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.Revoked, at), ct) > 0,
            ct => db.ApiKeys.AnyAsync(k => k.Id == id && k.Revoked == at, ct),
            cancellationToken);

    public Task TouchAsync(Guid id, DateTimeOffset at, string? address, CancellationToken cancellationToken) =>
        db.WriteAsync(
            ct => db.ApiKeys.Where(k => k.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsed, at).SetProperty(k => k.LastUsedAddress, address), ct),
            DatabaseWrites.ApplyAgain,
            cancellationToken);

    private static ApiKey? ToKey(ApiKeyRow? row)
    {
        if (row is null)
        {
            return null;
        }
        // A scope this version does not know (written by a newer one) is dropped: it grants nothing here.
        var scopes = row.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => ApiScopes.TryParse(name, out var scope) ? scope : (ApiScope?)null)
            .OfType<ApiScope>()
            .ToList();
        return new ApiKey(row.Id, row.Name, scopes, row.KeyDigest, row.Created, row.Expires, row.Revoked, row.LastUsed, row.LastUsedAddress);
    }
}
