namespace Sharekeep.Core.Files;

/// <summary>An uploaded file's metadata; the bytes live in an <see cref="IFileContentStore"/> under the same id.</summary>
/// <param name="Number">
/// The file's integer id on the document platform's API, whose clients type file ids as integers: given by the
/// store when the file is added, never reused, unique across instances.
/// </param>
/// <param name="Sha256">Lower-case hex digest of the content, computed while it was written.</param>
public sealed record StoredFile(Guid Id, int Number, string Name, string ContentType, long Size, string Sha256, DateTimeOffset Created);
