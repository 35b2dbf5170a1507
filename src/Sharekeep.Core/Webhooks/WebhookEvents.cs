namespace Sharekeep.Core.Webhooks;

/// <summary>
/// The events an endpoint may subscribe to, by their names on the wire. A name, once published, is never changed:
/// receivers dispatch on it.
/// </summary>
public static class WebhookEvents
{
    public const string SharingSwitched = "sharing.switched";
    public const string LinkCreated = "link.created";
    public const string LinkRevoked = "link.revoked";
    public const string LinkRotated = "link.rotated";
    public const string LinkExpired = "link.expired";
    public const string LinkLocked = "link.locked";
    public const string LinkFirstView = "link.first_view";

    public static readonly IReadOnlyList<string> All =
        [SharingSwitched, LinkCreated, LinkRevoked, LinkRotated, LinkExpired, LinkLocked, LinkFirstView];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}

/// <summary>
/// One event to deliver: its name and what it says. <paramref name="Data"/> is serialized as JSON (camelCase) into
/// the body's "data"; never give it a link's key, a password or a file's name.
/// </summary>
public sealed record WebhookEvent(string Type, DateTimeOffset At, object Data);
