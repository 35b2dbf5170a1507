namespace Sharekeep.Server.Native.Shares;

/// <summary>A share link; <c>id</c> is its key, the name the reporting tool gives it.</summary>
internal sealed record ShareResponse(
    string Id, string ResourceType, Guid ResourceId, DateTimeOffset Created, DateTimeOffset? Revoked, string Url, DateTimeOffset? Expires);

/// <summary>POST /api/v1/shares: resourceType "report" or "dashboard"; expires null or left out for the link policy's default.</summary>
internal sealed record CreateShareRequest(string? ResourceType, Guid? ResourceId, DateTimeOffset? Expires);
