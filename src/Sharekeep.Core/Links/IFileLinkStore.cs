namespace Sharekeep.Core.Links;

public interface IFileLinkStore
{
    Task<FileLink?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<FileLink?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>The file's primary link, active or revoked; null when it never had one.</summary>
    Task<FileLink?> FindPrimaryAsync(Guid fileId, CancellationToken cancellationToken);

    /// <summary>Active links of one file, oldest first.</summary>
    Task<IReadOnlyList<FileLink>> ListActiveAsync(Guid fileId, CancellationToken cancellationToken);

    /// <summary>Active links of every file, newest first, each with its file's name.</summary>
    Task<IReadOnlyList<ListedFileLink>> ListActiveAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Active links not expired at <paramref name="now"/> that expire never or after <paramref name="latestExpiry"/>
    /// (when given), or have no password (when <paramref name="withoutPassword"/>); oldest first, each with its file's name.
    /// </summary>
    Task<IReadOnlyList<ListedFileLink>> ListBreakingAsync(
        DateTimeOffset now, DateTimeOffset? latestExpiry, bool withoutPassword, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces <paramref name="link"/>; when it is primary, every other link of its file stops
    /// being primary in the same transaction. False, and nothing written, when its file is gone (deleted
    /// since the caller looked it up).
    /// </summary>
    Task<bool> SaveAsync(FileLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="link"/> (a primary link) unless its file has a primary link, active or revoked, by
    /// then: the check and the insert are one write, so callers racing to make a file's first primary link make
    /// one. Answers the file's primary link (this one, or the one found), or null, and nothing written, when the
    /// file is gone.
    /// </summary>
    Task<FileLink?> AddPrimaryAsync(FileLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="link"/>, a new link whose id the caller chose, unless a link with that id exists by
    /// then (made meanwhile for the same file, or a link of another file): that one is answered, unchanged, and
    /// nothing written. Null, and nothing written, when the file is gone.
    /// </summary>
    Task<FileLink?> AddAsync(FileLink link, CancellationToken cancellationToken);
}

/// <summary>A link in a listing across files, with the name of the file it opens.</summary>
public sealed record ListedFileLink(FileLink Link, string FileName);
