using Sharekeep.Core.Resources;
using Sharekeep.Core.Webhooks;

namespace Sharekeep.Storage.Webhooks;

/// <summary>
/// What a link event says about its link: its kind, the file link's id, what it points at and when it expires.
/// Never its key (whoever holds the key can open the link) nor a file's or resource's name.
/// </summary>
/// <param name="Kind">"report", "dashboard" or "file".</param>
/// <param name="LinkId">A file link's id; null for a report or dashboard share, which is known by its resource (one active share each).</param>
public sealed record LinkEventData(string Kind, Guid? LinkId, Guid ResourceId, DateTimeOffset? Expires);

/// <summary>link.locked's data: the link as <see cref="LinkEventData"/> gives it, and when it takes password tries again.</summary>
/// <param name="LockedUntil">When the oldest counted failure ages out, unless an administrator unlocks the link sooner.</param>
public sealed record LinkLockedEventData(string Kind, Guid LinkId, Guid ResourceId, DateTimeOffset? Expires, DateTimeOffset LockedUntil);

internal static class LinkEvents
{
    public static WebhookEvent Share(string type, DateTimeOffset at, int kind, Guid resourceId, DateTimeOffset? expires) =>
        new(type, at, new LinkEventData((ResourceKind)kind == ResourceKind.Report ? "report" : "dashboard", null, resourceId, expires));

    public static WebhookEvent FileLink(string type, DateTimeOffset at, Guid linkId, Guid fileId, DateTimeOffset? expires) =>
        new(type, at, new LinkEventData("file", linkId, fileId, expires));

    /// <summary>Only file links take passwords, so only they lock.</summary>
    public static WebhookEvent Locked(DateTimeOffset at, Guid linkId, Guid fileId, DateTimeOffset? expires, DateTimeOffset lockedUntil) =>
        new(WebhookEvents.LinkLocked, at, new LinkLockedEventData("file", linkId, fileId, expires, lockedUntil));
}
