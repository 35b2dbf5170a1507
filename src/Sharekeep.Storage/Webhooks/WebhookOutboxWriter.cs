using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Caching;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Webhooks;

/// <summary>
/// Adds webhook messages to the outbox inside the caller's transaction: the caller's SaveChangesAsync writes them
/// with its change, so the change and its messages commit or roll back together (decision 30). Only endpoints that
/// subscribe to an event get a message; the subscriptions are read from memory (invalidated by every change to an
/// endpoint, on PostgreSQL by every instance's change notices), so with no webhooks an event costs no query.
/// </summary>
public sealed class WebhookOutboxWriter(StorageCache cache)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds one message per subscribed endpoint for <paramref name="webhookEvent"/>; the caller saves them.</summary>
    public Task AddAsync(SharekeepDbContext db, WebhookEvent webhookEvent, CancellationToken cancellationToken) =>
        AddAsync(db, webhookEvent.Type, [webhookEvent], cancellationToken);

    /// <summary>
    /// Adds the messages of events of one <paramref name="type"/> (a bulk action's batch); <paramref name="events"/>
    /// is only enumerated when an endpoint subscribes to the type.
    /// </summary>
    public async Task AddAsync(SharekeepDbContext db, string type, IEnumerable<WebhookEvent> events, CancellationToken cancellationToken)
    {
        var cached = (await SubscriptionsAsync(db, cancellationToken)).For(type);
        if (cached.Count == 0)
        {
            return;
        }
        // The cached set may be a moment old on another instance: an endpoint deleted or disabled since is not
        // written for, or its row's foreign key would fail the caller's own change. Read in the caller's transaction.
        var subscribers = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => cached.Contains(e.Id) && e.Enabled)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (subscribers.Count == 0)
        {
            return;
        }
        foreach (var webhookEvent in events)
        {
            var body = JsonSerializer.Serialize(new { type, timestamp = webhookEvent.At, data = webhookEvent.Data }, Json);
            foreach (var endpoint in subscribers)
            {
                db.WebhookMessages.Add(new WebhookMessageRow
                {
                    Id = NewMessageId(webhookEvent.At),
                    EndpointId = endpoint,
                    Type = type,
                    Body = body,
                    Created = webhookEvent.At,
                    State = (int)WebhookMessageState.Pending,
                    NextAttempt = webhookEvent.At,
                });
            }
        }
    }

    /// <summary>Whether any enabled endpoint subscribes to <paramref name="type"/> (a caller may skip work it only does for an event).</summary>
    public async Task<bool> IsSubscribedAsync(SharekeepDbContext db, string type, CancellationToken cancellationToken) =>
        (await SubscriptionsAsync(db, cancellationToken)).For(type).Count > 0;

    /// <summary>"msg_" and a time-ordered random id: the webhook-id header, the same on every attempt.</summary>
    internal static string NewMessageId(DateTimeOffset at) => "msg_" + Guid.CreateVersion7(at).ToString("N");

    private async Task<Subscriptions> SubscriptionsAsync(SharekeepDbContext db, CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync(ChangeArea.Webhook, Change.PolicyKey, () => LoadAsync(db, cancellationToken), keep: !ReadsASnapshot(db))
        ?? Subscriptions.None;

    /// <summary>
    /// Whether the caller's transaction reads one snapshot taken at its first statement (repeatable read or stricter
    /// on PostgreSQL, as a bulk action's batches do): an endpoint registered since is not in it, and a set read there
    /// and kept would leave that endpoint without messages until the entry expired. SQLite's writing transactions hold
    /// the only write lock from their start, so nothing commits between their snapshot and this read.
    /// </summary>
    private static bool ReadsASnapshot(SharekeepDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction().IsolationLevel is IsolationLevel.RepeatableRead or IsolationLevel.Serializable or IsolationLevel.Snapshot
        && db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    private static async Task<Subscriptions?> LoadAsync(SharekeepDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => new { e.Id, e.Events }).ToListAsync(cancellationToken);
        return new Subscriptions(rows.ConvertAll(e => (e.Id, EfWebhookEvents.Parse(e.Events))));
    }

    private sealed class Subscriptions(List<(Guid Id, string[] Events)> endpoints)
    {
        public static readonly Subscriptions None = new([]);

        private readonly Dictionary<string, List<Guid>> _byType = WebhookEvents.All.ToDictionary(
            type => type, type => endpoints.Where(e => e.Events.Contains(type, StringComparer.Ordinal)).Select(e => e.Id).ToList(), StringComparer.Ordinal);

        public List<Guid> For(string type) => _byType.TryGetValue(type, out var ids) ? ids : [];
    }
}

/// <summary>An endpoint's events as its row keeps them.</summary>
internal static class EfWebhookEvents
{
    public static string Format(IEnumerable<string> events) => string.Join(',', events);

    public static string[] Parse(string events) => events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
