namespace Sharekeep.Core.Shares;

public enum ShareStatus
{
    Ok,
    SharingDisabled,
    NotFound,
}

/// <summary>The answer to "share this" or "open this share": a status and, when Ok, the share.</summary>
public readonly record struct ShareOutcome(ShareStatus Status, Share? Share)
{
    public static ShareOutcome Ok(Share share) => new(ShareStatus.Ok, share);

    public static readonly ShareOutcome SharingDisabled = new(ShareStatus.SharingDisabled, null);

    public static readonly ShareOutcome NotFound = new(ShareStatus.NotFound, null);
}
