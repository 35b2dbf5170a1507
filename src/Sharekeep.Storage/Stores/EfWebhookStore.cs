using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Caching;
using Sharekeep.Storage.Entities;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// Webhook endpoints and their recorded attempts. Every change invalidates the subscriptions that
/// <see cref="WebhookOutboxWriter"/> keeps in memory (other instances learn of it from the change notices).
/// </summary>
internal sealed class EfWebhookStore(SharekeepDbContext db, StorageCache cache, IWriteLocks locks) : IWebhookStore
{
    public Task<bool> AddAsync(WebhookEndpoint endpoint, string protectedSecret, int maxEndpoints, CancellationToken cancellationToken) =>
        cache.WriteAsync(
            () => db.WriteAsync(
                async ct =>
                {
                    // Two registrations at once, on one instance or two, would otherwise both count one short of the
                    // limit and both add: the count and the insert hold the lock together.
                    await locks.AcquireAsync(db, EndpointsLock, ct);
                    if (await db.WebhookEndpoints.CountAsync(ct) >= maxEndpoints)
                    {
                        return false;
                    }
                    db.WebhookEndpoints.Add(new WebhookEndpointRow
                    {
                        Id = endpoint.Id,
                        Url = endpoint.Url,
                        Events = EfWebhookEvents.Format(endpoint.Events),
                        Enabled = endpoint.Enabled,
                        ProtectedSecret = protectedSecret,
                        Created = endpoint.Created,
                    });
                    await db.SaveChangesAsync(ct);
                    return true;
                },
                ct => db.WebhookEndpoints.AnyAsync(e => e.Id == endpoint.Id, ct),
                cancellationToken),
            Change.Webhooks);

    private const string EndpointsLock = "webhook-endpoints";

    public async Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : ToEndpoint(row);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Created).ThenBy(e => e.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToEndpoint);
    }

    public Task<WebhookEndpoint?> UpdateAsync(Guid id, WebhookChange change, CancellationToken cancellationToken) =>
        cache.WriteAsync(
            // Setting the same values again changes nothing more: safe to apply twice.
            () => db.WriteAsync<WebhookEndpoint?>(
                async ct =>
                {
                    var row = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
                    if (row is null)
                    {
                        return null;
                    }
                    row.Url = change.Url ?? row.Url;
                    row.Events = change.Events is { } events ? EfWebhookEvents.Format(events) : row.Events;
                    row.Enabled = change.Enabled ?? row.Enabled;
                    await db.SaveChangesAsync(ct);
                    return ToEndpoint(row);
                },
                DatabaseWrites.ApplyAgain,
                cancellationToken),
            Change.Webhooks);

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        cache.WriteAsync(
            () => db.WriteAsync(
                async ct => await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(ct) > 0,
                async ct => !await db.WebhookEndpoints.AnyAsync(e => e.Id == id, ct),
                cancellationToken),
            Change.Webhooks);

    public async Task<IReadOnlyList<WebhookAttempt>> ListAttemptsAsync(Guid endpointId, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        var rows = db.WebhookAttempts.AsNoTracking().Where(a => a.EndpointId == endpointId);
        if (beforeId is { } before)
        {
            rows = rows.Where(a => a.Id < before);
        }
        var page = await rows.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        return page.ConvertAll(a => new WebhookAttempt(a.Id, a.EndpointId, a.MessageId, a.Type, a.Attempt, a.At, a.StatusCode, a.Error, a.DurationMs));
    }

    public Task<bool> ReplayAsync(Guid endpointId, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct => await db.WebhookMessages
                .Where(m => m.Id == messageId && m.EndpointId == endpointId)
                .ExecuteUpdateAsync(
                    u => u.SetProperty(m => m.State, (int)WebhookMessageState.Pending)
                        .SetProperty(m => m.NextAttempt, now)
                        .SetProperty(m => m.Finished, (DateTimeOffset?)null)
                        // A send in flight loses its claim, so its result cannot mark the replay delivered.
                        .SetProperty(m => m.Lease, (Guid?)null)
                        .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                    ct) > 0,
            DatabaseWrites.ApplyAgain,
            cancellationToken);

    private static WebhookEndpoint ToEndpoint(WebhookEndpointRow row) =>
        new(row.Id, row.Url, EfWebhookEvents.Parse(row.Events), row.Enabled, row.Created);
}
