using Sharekeep.Core.Files;
using Sharekeep.Core.Links;

namespace Sharekeep.Storage.Caching;

/// <summary>File metadata opened through links comes from memory; listings and writes go to the database.</summary>
internal sealed class CachedFileStore(Lazy<IFileStore> inner, StorageCache cache) : IFileStore
{
    public Task<StoredFile> AddAsync(StoredFile file, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.AddAsync(file, cancellationToken), FileChange(file.Id));

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(ChangeArea.File, id.ToString(), () => inner.Value.FindAsync(id, cancellationToken));

    /// <summary>Only the console and the platform's API look files up by number: the database answers.</summary>
    public Task<StoredFile?> FindByNumberAsync(int number, CancellationToken cancellationToken) =>
        inner.Value.FindByNumberAsync(number, cancellationToken);

    public Task<IReadOnlyList<StoredFile>> ListAsync(int limit, CancellationToken cancellationToken) =>
        inner.Value.ListAsync(limit, cancellationToken);

    /// <summary>The file's links go with it; a cached link of a deleted file finds no file and answers as unknown.</summary>
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.DeleteAsync(id, cancellationToken), FileChange(id));

    private static Change FileChange(Guid id) => new(ChangeArea.File, id.ToString());
}

/// <summary>File links by key from memory; every save invalidates the links whose record it changes.</summary>
internal sealed class CachedFileLinkStore(Lazy<IFileLinkStore> inner, StorageCache cache) : IFileLinkStore
{
    public Task<FileLink?> FindAsync(Guid id, CancellationToken cancellationToken) => inner.Value.FindAsync(id, cancellationToken);

    public Task<FileLink?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(ChangeArea.FileLink, key, () => inner.Value.FindByKeyAsync(key, cancellationToken));

    public Task<FileLink?> FindPrimaryAsync(Guid fileId, CancellationToken cancellationToken) =>
        inner.Value.FindPrimaryAsync(fileId, cancellationToken);

    public Task<IReadOnlyList<FileLink>> ListActiveAsync(Guid fileId, CancellationToken cancellationToken) =>
        inner.Value.ListActiveAsync(fileId, cancellationToken);

    public Task<IReadOnlyList<ListedFileLink>> ListActiveAsync(int limit, CancellationToken cancellationToken) =>
        inner.Value.ListActiveAsync(limit, cancellationToken);

    public Task<IReadOnlyList<ListedFileLink>> ListBreakingAsync(
        DateTimeOffset now, DateTimeOffset? latestExpiry, bool withoutPassword, int limit, CancellationToken cancellationToken) =>
        inner.Value.ListBreakingAsync(now, latestExpiry, withoutPassword, limit, cancellationToken);

    public async Task<bool> SaveAsync(FileLink link, CancellationToken cancellationToken) =>
        await cache.WriteAsync(() => inner.Value.SaveAsync(link, cancellationToken), await ChangesOfAsync(link, cancellationToken));

    public async Task<FileLink?> AddAsync(FileLink link, CancellationToken cancellationToken) =>
        await cache.WriteAsync(() => inner.Value.AddAsync(link, cancellationToken), await ChangesOfAsync(link, cancellationToken));

    /// <summary>The link's own key, and, when it is made primary, its siblings': the same write clears their flag.</summary>
    private async Task<Change[]> ChangesOfAsync(FileLink link, CancellationToken cancellationToken)
    {
        if (!link.Primary)
        {
            return [LinkChange(link.Key)];
        }
        var siblings = await inner.Value.ListActiveAsync(link.FileId, cancellationToken);
        return [LinkChange(link.Key), .. siblings.Select(s => LinkChange(s.Key))];
    }

    /// <summary>Only inserts, and clears no other link's flag: the new link's key is the one change.</summary>
    public Task<FileLink?> AddPrimaryAsync(FileLink link, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.AddPrimaryAsync(link, cancellationToken), LinkChange(link.Key));

    private static Change LinkChange(string key) => new(ChangeArea.FileLink, key);
}
