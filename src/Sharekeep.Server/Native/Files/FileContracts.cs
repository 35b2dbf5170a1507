namespace Sharekeep.Server.Native.Files;

/// <summary>A stored file; number is its integer id on the document platform's API, sha256 the lower-case hex digest of its bytes.</summary>
internal sealed record FileResponse(Guid Id, int Number, string Name, string ContentType, long Size, string Sha256, DateTimeOffset Created);

/// <summary>
/// POST /api/v1/files/{id}/links. Everything is optional: expires null for the link policy's default, denyDownload
/// null for its default, password null or "" for none.
/// </summary>
internal sealed record CreateFileLinkRequest(string? Title, DateTimeOffset? Expires, bool? DenyDownload, string? Password);

/// <summary>An external link to a file; url is its public page. The password is never answered, only whether there is one.</summary>
internal sealed record FileLinkResponse(
    Guid Id, Guid FileId, string Title, string Url, DateTimeOffset Created, DateTimeOffset? Expires, bool DenyDownload, bool HasPassword);
