namespace Sharekeep.Core.Activity;

public enum ActivityLinkKind
{
    Share,
    File,
}

/// <summary>
/// The link that activity is counted for: a report or dashboard share by its key, a file link by its id (a file
/// link's key changes on rotate, its id does not; a share's key is all it has).
/// </summary>
public readonly record struct ActivityLink(ActivityLinkKind Kind, string Id)
{
    public static ActivityLink Share(string key) => new(ActivityLinkKind.Share, key);

    public static ActivityLink File(Guid id) => new(ActivityLinkKind.File, id.ToString("D"));

    /// <summary>The kind as it is stored ("share", "file").</summary>
    public string KindName => Kind == ActivityLinkKind.Share ? "share" : "file";

    public static ActivityLinkKind KindOf(string name) => name == "share" ? ActivityLinkKind.Share : ActivityLinkKind.File;
}

/// <summary>What one request did to a link.</summary>
public enum ActivityEvent
{
    View,
    Download,
    /// <summary>A robot's or a browser's own request (HEAD, prefetch, link preview, range continuation): never a view.</summary>
    Preview,
    PasswordFailure,
    /// <summary>A wrong password that reached a limit of the password guard (the link, the network or the client).</summary>
    Lockout,
}

/// <summary>A UTC day, as activity is bucketed.</summary>
public static class ActivityDay
{
    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
