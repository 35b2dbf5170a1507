using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfShareStore(SharekeepDbContext db) : IShareStore
{
    public async Task<Share?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var row = await db.Shares.AsNoTracking().FirstOrDefaultAsync(s => s.Id == key, cancellationToken);
        return row is null ? null : ToShare(row);
    }

    public async Task<Share> GetOrAddActiveAsync(ResourceKind kind, Guid resourceId, Func<Share> create, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var existing = await FindActiveAsync(kind, resourceId, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }
            var share = create();
            var row = new ShareRow { Id = share.Key, Kind = (int)share.Kind, ResourceId = share.ResourceId, Created = share.Created };
            db.Shares.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return share;
            }
            catch (DbUpdateException)
            {
                // Another writer shared the resource first (the unique index on active shares said so): theirs wins.
                db.Entry(row).State = EntityState.Detached;
            }
        }
        return await FindActiveAsync(kind, resourceId, cancellationToken)
            ?? throw new InvalidOperationException("The share could not be stored and no concurrent share exists.");
    }

    public async Task<bool> RevokeAsync(string key, ResourceKind? kind, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var query = db.Shares.Where(s => s.Id == key && s.Revoked == null);
        if (kind is { } k)
        {
            query = query.Where(s => s.Kind == (int)k);
        }
        return await query.ExecuteUpdateAsync(u => u.SetProperty(s => s.Revoked, revokedAt), cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Shares.AsNoTracking();
        if (query.Kind is { } kind)
        {
            rows = rows.Where(s => s.Kind == (int)kind);
        }
        if (query.ResourceId is { } resourceId)
        {
            rows = rows.Where(s => s.ResourceId == resourceId);
        }
        if (!query.IncludeRevoked)
        {
            rows = rows.Where(s => s.Revoked == null);
        }
        var list = await rows.OrderByDescending(s => s.Created).ThenBy(s => s.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return list.ConvertAll(ToShare);
    }

    private async Task<Share?> FindActiveAsync(ResourceKind kind, Guid resourceId, CancellationToken cancellationToken)
    {
        var row = await db.Shares.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Kind == (int)kind && s.ResourceId == resourceId && s.Revoked == null, cancellationToken);
        return row is null ? null : ToShare(row);
    }

    private static Share ToShare(ShareRow row) => new(row.Id, (ResourceKind)row.Kind, row.ResourceId, row.Created, row.Revoked);
}
