namespace Sharekeep.Core.Inventory;

/// <summary>
/// One link as the inventory lists it, share or file link alike. <paramref name="Key"/> is the key in its public
/// URL; <paramref name="FileLinkId"/> is set for a file link only; <paramref name="Name"/> is the report's,
/// dashboard's or file's name; title, denyDownload and primary belong to file links (null for a share).
/// </summary>
public sealed record InventoryLink(
    LinkKind Kind,
    string Key,
    Guid? FileLinkId,
    Guid ResourceId,
    string Name,
    string? Title,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    bool HasPassword,
    bool? DenyDownload,
    bool? Primary)
{
    public LinkTable Table => Kind == LinkKind.File ? LinkTable.FileLinks : LinkTable.Shares;

    public LinkState StateAt(DateTimeOffset now) =>
        Revoked is not null ? LinkState.Revoked : Expires <= now ? LinkState.Expired : LinkState.Active;

    public LinkPosition PositionIn(LinkSort sort) => new(sort, LinkOrder.IsByExpiry(sort) ? Expires : Created, Table, Key);
}
