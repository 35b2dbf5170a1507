using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Files;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfFileStore(SharekeepDbContext db) : IFileStore
{
    public Task<StoredFile> AddAsync(StoredFile file, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var number = checked((int)await db.NextAsync(Counters.FileNumber, ct));
                db.Files.Add(new FileRow
                {
                    Id = file.Id,
                    Number = number,
                    Name = file.Name,
                    ContentType = file.ContentType,
                    Size = file.Size,
                    Sha256 = file.Sha256,
                    Created = file.Created,
                });
                await db.SaveChangesAsync(ct);
                return file with { Number = number };
            },
            ct => db.Files.AnyAsync(f => f.Id == file.Id, ct),
            cancellationToken);

    public async Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        return row is null ? null : ToFile(row);
    }

    public async Task<StoredFile?> FindByNumberAsync(int number, CancellationToken cancellationToken)
    {
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Number == number, cancellationToken);
        return row is null ? null : ToFile(row);
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Files.AsNoTracking().OrderByDescending(f => f.Created).ThenBy(f => f.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToFile);
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct => await db.Files.Where(f => f.Id == id).ExecuteDeleteAsync(ct) > 0,
            async ct => !await db.Files.AnyAsync(f => f.Id == id, ct),
            cancellationToken);

    private static StoredFile ToFile(FileRow row) => new(row.Id, row.Number, row.Name, row.ContentType, row.Size, row.Sha256, row.Created);
}
