namespace Sharekeep.Server.Native.Files;

/// <summary>A stored file; sha256 is the lower-case hex digest of its bytes.</summary>
internal sealed record FileResponse(Guid Id, string Name, string ContentType, long Size, string Sha256, DateTimeOffset Created);
