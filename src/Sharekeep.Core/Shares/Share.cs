using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

/// <summary>
/// A share link: its unguessable key and the resource it opens. The key is the share's only identity (the
/// reporting tool calls it the share id). A revoked share stays on record but opens nothing; so does an expired one.
/// </summary>
/// <param name="Expires">When the share stops opening; null for never.</param>
public sealed record Share(string Key, ResourceKind Kind, Guid ResourceId, DateTimeOffset Created, DateTimeOffset? Revoked, DateTimeOffset? Expires = null)
{
    public bool IsActive => Revoked is null;

    public bool IsExpired(DateTimeOffset now) => Expires <= now;
}
