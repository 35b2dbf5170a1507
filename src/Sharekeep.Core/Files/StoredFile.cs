namespace Sharekeep.Core.Files;

/// <summary>An uploaded file's metadata; the bytes live in an <see cref="IFileContentStore"/> under the same id.</summary>
/// <param name="Sha256">Lower-case hex digest of the content, computed while it was written.</param>
public sealed record StoredFile(Guid Id, string Name, string ContentType, long Size, string Sha256, DateTimeOffset Created);
