namespace Sharekeep.Core.Files;

/// <summary>File metadata.</summary>
public interface IFileStore
{
    /// <summary>Adds <paramref name="file"/> and answers it as stored, with the number the store gave it.</summary>
    Task<StoredFile> AddAsync(StoredFile file, CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<StoredFile?> FindByNumberAsync(int number, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<StoredFile>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the metadata and every link to the file; false when there was no such file.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);
}
