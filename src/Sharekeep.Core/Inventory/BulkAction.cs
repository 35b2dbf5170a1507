namespace Sharekeep.Core.Inventory;

public enum BulkActionKind
{
    Revoke,
    ExpireAt,
    Rotate,
    RemovePassword,
    SetDenyDownload,
}

/// <summary>What a bulk action does to each link: <paramref name="ExpiresAt"/> for expire-at, <paramref name="DenyDownload"/> for set-deny-download.</summary>
public sealed record BulkAction(BulkActionKind Kind, DateTimeOffset? ExpiresAt = null, bool DenyDownload = true)
{
    public static readonly IReadOnlyDictionary<string, BulkActionKind> Names = new Dictionary<string, BulkActionKind>(StringComparer.Ordinal)
    {
        ["revoke"] = BulkActionKind.Revoke,
        ["expire-at"] = BulkActionKind.ExpireAt,
        ["rotate"] = BulkActionKind.Rotate,
        ["remove-password"] = BulkActionKind.RemovePassword,
        ["set-deny-download"] = BulkActionKind.SetDenyDownload,
    };

    public string Name => Names.First(n => n.Value == Kind).Key;
}

/// <summary>
/// A link a bulk action is about to change; for rotate, the key it gets (and, for a file link with a password, the
/// new stamp that ends its unlock cookies; for a share, when its replacement is made).
/// </summary>
public sealed record BulkTarget(
    InventoryLink Link, string? NewKey = null, string? NewStamp = null, DateTimeOffset? NewCreated = null, DateTimeOffset? NewExpires = null)
{
    /// <summary>The link as the action leaves it.</summary>
    public InventoryLink After(BulkAction action, DateTimeOffset now) => action.Kind switch
    {
        BulkActionKind.Revoke => Link with { Revoked = now },
        BulkActionKind.ExpireAt => Link with { Expires = action.ExpiresAt },
        BulkActionKind.Rotate when Link.Kind == LinkKind.File => Link with { Key = NewKey! },
        BulkActionKind.Rotate => Link with { Key = NewKey!, Created = NewCreated!.Value, Expires = NewExpires, Revoked = null },
        BulkActionKind.RemovePassword => Link with { HasPassword = false },
        _ => Link with { DenyDownload = action.DenyDownload },
    };
}

/// <summary>One changed link as it is now; for a real rotate, also as it was (its killed key).</summary>
public sealed record BulkChangedLink(InventoryLink Link, InventoryLink? Previous);

/// <summary>What a bulk action changed (or, in a dry run, would change): the count and the first links.</summary>
public sealed record BulkResult(BulkAction Action, bool DryRun, long Count, IReadOnlyList<BulkChangedLink> Links, DateTimeOffset Now);

/// <summary>
/// The one place a bulk action's audit entry is written: who ran it, the filter as given, the action, the count, and
/// whether it finished (a batch that failed stops it; what the earlier ones changed stands).
/// </summary>
public interface ILinkBulkAudit
{
    Task RecordAsync(Credentials.Actor actor, LinkFilterInput filter, BulkResult result, bool completed, CancellationToken cancellationToken);
}
