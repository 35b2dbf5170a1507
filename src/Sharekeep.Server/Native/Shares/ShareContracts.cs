namespace Sharekeep.Server.Native.Shares;

/// <summary>A share link; <c>id</c> is its key, the name the reporting tool gives it.</summary>
internal sealed record ShareResponse(
    string Id, string ResourceType, Guid ResourceId, DateTimeOffset Created, DateTimeOffset? Revoked, string Url);
