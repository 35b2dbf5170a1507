using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage.Stores;

internal sealed class EfShareStore(SharekeepDbContext db, WebhookOutboxWriter outbox) : IShareStore
{
    public async Task<Share?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var row = await db.Shares.AsNoTracking().FirstOrDefaultAsync(s => s.Id == key, cancellationToken);
        return row is null ? null : ToShare(row);
    }

    public async Task<Share> GetOrAddActiveAsync(
        ResourceKind kind, Guid resourceId, Func<Share> create, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Share? created = null;
        try
        {
            return await db.WriteAsync(
                async ct =>
                {
                    if (await FindActiveAsync(kind, resourceId, ct) is { } existing)
                    {
                        if (!existing.IsExpired(now))
                        {
                            return existing;
                        }
                        // Revoked first, in its own statement, so the unique index on active shares never sees two.
                        await db.Shares.Where(s => s.Id == existing.Key).ExecuteUpdateAsync(u => u.SetProperty(s => s.Revoked, now), ct);
                    }
                    created = create();
                    db.Shares.Add(new ShareRow
                    {
                        Id = created.Key,
                        Kind = (int)created.Kind,
                        ResourceId = created.ResourceId,
                        Created = created.Created,
                        Expires = created.Expires,
                    });
                    await outbox.AddAsync(
                        db, LinkEvents.Share(WebhookEvents.LinkCreated, created.Created, (int)created.Kind, created.ResourceId, created.Expires), ct);
                    await db.SaveChangesAsync(ct);
                    return created;
                },
                async ct => created is null || await db.Shares.AnyAsync(s => s.Id == created.Key, ct),
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer shared the resource first (the unique index on active shares said so): theirs wins.
        }
        return await FindActiveAsync(kind, resourceId, cancellationToken)
            ?? throw new InvalidOperationException("The share could not be stored and no concurrent share exists.");
    }

    public Task<bool> RevokeAsync(string key, ResourceKind? kind, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var query = db.Shares.Where(s => s.Id == key && s.Revoked == null);
        if (kind is { } k)
        {
            query = query.Where(s => s.Kind == (int)k);
        }
        return db.WriteAsync(
            async ct =>
            {
                var revoked = await query.Select(s => new { s.Kind, s.ResourceId, s.Expires }).FirstOrDefaultAsync(ct);
                if (revoked is null || await query.ExecuteUpdateAsync(u => u.SetProperty(s => s.Revoked, revokedAt), ct) == 0)
                {
                    return false;
                }
                await outbox.AddAsync(db, LinkEvents.Share(WebhookEvents.LinkRevoked, revokedAt, revoked.Kind, revoked.ResourceId, revoked.Expires), ct);
                await db.SaveChangesAsync(ct);
                return true;
            },
            ct => db.Shares.AnyAsync(s => s.Id == key && s.Revoked == revokedAt, ct),
            cancellationToken);
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

    public async Task<IReadOnlyList<Share>> FindActiveAsync(ResourceIds resources, CancellationToken cancellationToken)
    {
        var reports = resources.Reports.ToArray();
        var dashboards = resources.Dashboards.ToArray();
        // Kind first, as in the unique index on active shares, so one indexed query answers both lists.
        var rows = await db.Shares.AsNoTracking()
            .Where(s => s.Revoked == null
                && ((s.Kind == (int)ResourceKind.Report && reports.Contains(s.ResourceId))
                    || (s.Kind == (int)ResourceKind.Dashboard && dashboards.Contains(s.ResourceId))))
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToShare);
    }

    public async Task<IReadOnlyList<Share>> ListOutlivingAsync(
        DateTimeOffset latestExpiry, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Shares.AsNoTracking()
            .Where(s => s.Revoked == null && (s.Expires == null || s.Expires > latestExpiry))
            .OrderBy(s => s.Created).ThenBy(s => s.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToShare);
    }

    private async Task<Share?> FindActiveAsync(ResourceKind kind, Guid resourceId, CancellationToken cancellationToken)
    {
        var row = await db.Shares.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Kind == (int)kind && s.ResourceId == resourceId && s.Revoked == null, cancellationToken);
        return row is null ? null : ToShare(row);
    }

    private static Share ToShare(ShareRow row) => new(row.Id, (ResourceKind)row.Kind, row.ResourceId, row.Created, row.Revoked, row.Expires);
}
