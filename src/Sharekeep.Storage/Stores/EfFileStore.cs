using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Files;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfFileStore(SharekeepDbContext db) : IFileStore
{
    public async Task AddAsync(StoredFile file, CancellationToken cancellationToken)
    {
        db.Files.Add(new FileRow
        {
            Id = file.Id,
            Name = file.Name,
            ContentType = file.ContentType,
            Size = file.Size,
            Sha256 = file.Sha256,
            Created = file.Created,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        return row is null ? null : ToFile(row);
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Files.AsNoTracking().OrderByDescending(f => f.Created).ThenBy(f => f.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToFile);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Files.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private static StoredFile ToFile(FileRow row) => new(row.Id, row.Name, row.ContentType, row.Size, row.Sha256, row.Created);
}
