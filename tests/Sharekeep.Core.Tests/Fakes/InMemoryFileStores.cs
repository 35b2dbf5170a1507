using Sharekeep.Core.Files;
using Sharekeep.Core.Links;

namespace Sharekeep.Core.Tests.Fakes;

internal sealed class InMemoryFileStore : IFileStore
{
    public Dictionary<Guid, StoredFile> Files { get; } = [];

    private int _lastNumber;

    public Task<StoredFile> AddAsync(StoredFile file, CancellationToken cancellationToken)
    {
        var stored = file with { Number = ++_lastNumber };
        Files.Add(file.Id, stored);
        return Task.FromResult(stored);
    }

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Files.GetValueOrDefault(id));

    public Task<StoredFile?> FindByNumberAsync(int number, CancellationToken cancellationToken) =>
        Task.FromResult(Files.Values.FirstOrDefault(f => f.Number == number));

    public Task<IReadOnlyList<StoredFile>> ListAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredFile>>(Files.Values.OrderByDescending(f => f.Created).Take(limit).ToList());

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Files.Remove(id));
}

internal sealed class InMemoryFileLinkStore : IFileLinkStore
{
    public Dictionary<Guid, FileLink> Links { get; } = [];

    public Task<FileLink?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Links.GetValueOrDefault(id));

    public Task<FileLink?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Links.Values.FirstOrDefault(l => l.Key == key));

    public Task<FileLink?> FindPrimaryAsync(Guid fileId, CancellationToken cancellationToken) =>
        Task.FromResult(Links.Values.Where(l => l.FileId == fileId && l.Primary).OrderByDescending(l => l.Created).FirstOrDefault());

    public Task<IReadOnlyList<FileLink>> ListActiveAsync(Guid fileId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FileLink>>(Links.Values.Where(l => l.FileId == fileId && l.IsActive).OrderBy(l => l.Created).ToList());

    public Task<IReadOnlyList<ListedFileLink>> ListActiveAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ListedFileLink>>(Links.Values
            .Where(l => l.IsActive)
            .OrderByDescending(l => l.Created)
            .Take(limit)
            .Select(l => new ListedFileLink(l, "file"))
            .ToList());

    public Task<IReadOnlyList<ListedFileLink>> ListBreakingAsync(
        DateTimeOffset now, DateTimeOffset? latestExpiry, bool withoutPassword, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ListedFileLink>>(Links.Values
            .Where(l => l.IsActive && !l.IsExpired(now))
            .Where(l => (latestExpiry is { } latest && (l.Expires is null || l.Expires > latest)) || (withoutPassword && !l.HasPassword))
            .OrderBy(l => l.Created)
            .Take(limit)
            .Select(l => new ListedFileLink(l, "file"))
            .ToList());

    /// <summary>Files deleted behind the service's back, between its look-up and its write.</summary>
    public HashSet<Guid> DeletedFiles { get; } = [];

    public Task<bool> SaveAsync(FileLink link, CancellationToken cancellationToken)
    {
        if (DeletedFiles.Contains(link.FileId))
        {
            return Task.FromResult(false);
        }
        if (link.Primary)
        {
            foreach (var other in Links.Values.Where(l => l.FileId == link.FileId && l.Id != link.Id && l.Primary).ToList())
            {
                Links[other.Id] = other with { Primary = false };
            }
        }
        Links[link.Id] = link;
        return Task.FromResult(true);
    }

    public async Task<FileLink?> AddAsync(FileLink link, CancellationToken cancellationToken)
    {
        if (Links.GetValueOrDefault(link.Id) is { } taken)
        {
            return taken;
        }
        return await SaveAsync(link, cancellationToken) ? link : null;
    }

    public async Task<FileLink?> AddPrimaryAsync(FileLink link, CancellationToken cancellationToken)
    {
        if (await FindPrimaryAsync(link.FileId, cancellationToken) is { } primary)
        {
            return primary;
        }
        return await SaveAsync(link, cancellationToken) ? link : null;
    }
}

/// <summary>Bytes in memory, with the same size rule as the real store.</summary>
internal sealed class InMemoryContentStore : IFileContentStore
{
    public Dictionary<Guid, byte[]> Contents { get; } = [];

    public async Task<ContentWritten?> WriteAsync(Guid id, Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await source.CopyToAsync(copy, cancellationToken);
        if (copy.Length > maxBytes)
        {
            return null;
        }
        Contents[id] = copy.ToArray();
        return new ContentWritten(copy.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToArray())));
    }

    public Stream? OpenRead(Guid id) => Contents.TryGetValue(id, out var bytes) ? new MemoryStream(bytes) : null;

    public void Delete(Guid id) => Contents.Remove(id);
}
