using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Links;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage.Stores;

internal sealed class EfFileLinkStore(SharekeepDbContext db, IWriteLocks locks, WebhookOutboxWriter outbox) : IFileLinkStore
{
    public async Task<FileLink?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.FileLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return row is null ? null : ToLink(row);
    }

    public async Task<FileLink?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var row = await db.FileLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Key == key, cancellationToken);
        return row is null ? null : ToLink(row);
    }

    public async Task<FileLink?> FindPrimaryAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var row = await db.FileLinks.AsNoTracking()
            .Where(l => l.FileId == fileId && l.IsPrimary)
            .OrderByDescending(l => l.Created).ThenBy(l => l.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToLink(row);
    }

    public async Task<IReadOnlyList<FileLink>> ListActiveAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var rows = await db.FileLinks.AsNoTracking()
            .Where(l => l.FileId == fileId && l.Revoked == null)
            .OrderBy(l => l.Created).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToLink);
    }

    public async Task<IReadOnlyList<ListedFileLink>> ListActiveAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.FileLinks.AsNoTracking()
            .Where(l => l.Revoked == null)
            .Join(db.Files, l => l.FileId, f => f.Id, (l, f) => new { Link = l, FileName = f.Name })
            .OrderByDescending(r => r.Link.Created).ThenBy(r => r.Link.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new ListedFileLink(ToLink(r.Link), r.FileName));
    }

    public async Task<IReadOnlyList<ListedFileLink>> ListBreakingAsync(
        DateTimeOffset now, DateTimeOffset? latestExpiry, bool withoutPassword, int limit, CancellationToken cancellationToken)
    {
        var outlive = latestExpiry is not null;
        var rows = await db.FileLinks.AsNoTracking()
            .Where(l => l.Revoked == null && (l.Expires == null || l.Expires > now))
            .Where(l => (outlive && (l.Expires == null || l.Expires > latestExpiry)) || (withoutPassword && l.PasswordHash == null))
            .Join(db.Files, l => l.FileId, f => f.Id, (l, f) => new { Link = l, FileName = f.Name })
            .OrderBy(r => r.Link.Created).ThenBy(r => r.Link.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new ListedFileLink(ToLink(r.Link), r.FileName));
    }

    public Task<bool> SaveAsync(FileLink link, CancellationToken cancellationToken) =>
        UnlessFileGoneAsync(
            link.FileId,
            async () =>
            {
                await SaveRowAsync(link, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<FileLink?> AddPrimaryAsync(FileLink link, CancellationToken cancellationToken) =>
        UnlessFileGoneAsync<FileLink?>(
            link.FileId,
            () => db.WriteAsync<FileLink?>(
                async ct =>
                {
                    await locks.AcquireAsync(db, FileLinksLock(link.FileId), ct);
                    if (await FindPrimaryAsync(link.FileId, ct) is { } primary)
                    {
                        return primary;
                    }
                    await WriteRowAsync(link, ct);
                    return link;
                },
                ct => db.FileLinks.AnyAsync(l => l.Id == link.Id, ct),
                cancellationToken),
            cancellationToken);

    public async Task<FileLink?> AddAsync(FileLink link, CancellationToken cancellationToken)
    {
        try
        {
            return await UnlessFileGoneAsync<FileLink?>(
                link.FileId,
                () => db.WriteAsync<FileLink?>(
                    async ct =>
                    {
                        await locks.AcquireAsync(db, FileLinksLock(link.FileId), ct);
                        if (await db.FileLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == link.Id, ct) is { } taken)
                        {
                            return ToLink(taken);
                        }
                        await WriteRowAsync(link, ct);
                        return link;
                    },
                    ct => db.FileLinks.AnyAsync(l => l.Id == link.Id && l.Key == link.Key, ct),
                    cancellationToken),
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another file's link took the id between the check and the insert (the lock is per file).
            db.ChangeTracker.Clear();
            return await FindAsync(link.Id, cancellationToken) ?? throw new InvalidOperationException($"Link {link.Id} could not be added.");
        }
    }

    /// <summary>The write's answer, or null (false) when it failed because the file was deleted between the caller's check and the write.</summary>
    private async Task<T?> UnlessFileGoneAsync<T>(Guid fileId, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            return await write();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Files.AnyAsync(f => f.Id == fileId, cancellationToken))
            {
                throw;
            }
            // The file's links went with it.
            return default;
        }
    }

    private static string FileLinksLock(Guid fileId) => "file-links:" + fileId;

    /// <summary>An upsert by the link's id: applied a second time after a commit of unknown outcome, it changes nothing more.</summary>
    private Task<int> SaveRowAsync(FileLink link, CancellationToken cancellationToken) =>
        db.WriteAsync(ct => WriteRowAsync(link, ct), DatabaseWrites.ApplyAgain, cancellationToken);

    private async Task<int> WriteRowAsync(FileLink link, CancellationToken cancellationToken)
    {
        await locks.AcquireAsync(db, FileLinksLock(link.FileId), cancellationToken);
        if (link.Primary)
        {
            await db.FileLinks
                .Where(l => l.FileId == link.FileId && l.Id != link.Id && l.IsPrimary)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.IsPrimary, false), cancellationToken);
        }
        var row = await db.FileLinks.FirstOrDefaultAsync(l => l.Id == link.Id, cancellationToken);
        // Told from the row as it was: applied again after a commit of unknown outcome, a write finds nothing to announce.
        var announced = row is null ? WebhookEvents.LinkCreated
            : row.Revoked is null && link.Revoked is not null ? WebhookEvents.LinkRevoked
            : null;
        if (row is null)
        {
            row = new FileLinkRow { Id = link.Id, FileId = link.FileId, Key = link.Key, Title = link.Title, Created = link.Created };
            db.FileLinks.Add(row);
        }
        row.Title = link.Title;
        row.Expires = link.Expires;
        row.DenyDownload = link.DenyDownload;
        row.IsPrimary = link.Primary;
        row.PasswordHash = link.PasswordHash;
        row.PasswordStamp = link.PasswordStamp;
        row.Revoked = link.Revoked;
        if (announced is not null)
        {
            var at = announced == WebhookEvents.LinkRevoked ? link.Revoked!.Value : link.Created;
            await outbox.AddAsync(db, LinkEvents.FileLink(announced, at, link.Id, link.FileId, link.Expires), cancellationToken);
        }
        return await db.SaveChangesAsync(cancellationToken);
    }

    private static FileLink ToLink(FileLinkRow row) => new(
        row.Id, row.FileId, row.Key, row.Title, row.Expires, row.DenyDownload, row.IsPrimary,
        row.PasswordHash, row.PasswordStamp, row.Created, row.Revoked);
}
