namespace Sharekeep.Core.Files;

/// <summary>The bytes of uploaded files, addressed by file id.</summary>
public interface IFileContentStore
{
    /// <summary>
    /// Copies <paramref name="source"/> to the content of <paramref name="id"/> while hashing it, never holding
    /// it whole in memory. Returns null, and keeps nothing, when it is longer than <paramref name="maxBytes"/>.
    /// </summary>
    Task<ContentWritten?> WriteAsync(Guid id, Stream source, long maxBytes, CancellationToken cancellationToken);

    /// <summary>A seekable stream over the content, or null when there is none.</summary>
    Stream? OpenRead(Guid id);

    void Delete(Guid id);
}

public sealed record ContentWritten(long Size, string Sha256);
