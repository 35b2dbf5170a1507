namespace Sharekeep.Server.Shares;

internal sealed record ShareResponse(
    string Id, string ResourceType, Guid ResourceId, DateTimeOffset Created, DateTimeOffset? Revoked, string Url);
