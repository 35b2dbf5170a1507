using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

/// <summary>A share link: its unguessable key and the resource it opens. A revoked share stays on record but opens nothing.</summary>
public sealed record Share(string Id, ResourceKind Kind, Guid ResourceId, DateTimeOffset Created, DateTimeOffset? Revoked)
{
    public bool IsActive => Revoked is null;
}
