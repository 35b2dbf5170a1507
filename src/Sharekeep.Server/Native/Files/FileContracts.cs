namespace Sharekeep.Server.Native.Files;

/// <summary>A stored file; number is its integer id on the document platform's API, sha256 the lower-case hex digest of its bytes.</summary>
internal sealed record FileResponse(Guid Id, int Number, string Name, string ContentType, long Size, string Sha256, DateTimeOffset Created);
