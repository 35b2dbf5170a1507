using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// The deliverer's side of the outbox. A claim is one UPDATE that takes only messages whose lease is free; two
/// instances claiming at once cannot both take a message (PostgreSQL re-checks the condition on the row the other
/// just updated; SQLite has one writer), so each message is delivered by one instance at a time.
/// </summary>
internal sealed class EfWebhookOutbox(SharekeepDbContext db) : IWebhookOutbox
{
    private const int Pending = (int)WebhookMessageState.Pending;

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(int limit, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var due = await Claimable(now)
            .Where(m => db.WebhookEndpoints.Any(e => e.Id == m.EndpointId && e.Enabled))
            .OrderBy(m => m.NextAttempt)
            .Select(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }
        var token = Guid.NewGuid();
        var until = now + lease;
        // Applied again after a commit of unknown outcome, the UPDATE finds the messages leased (to this token) and changes nothing.
        await db.WriteAsync(
            ct => Claimable(now).Where(m => due.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Lease, token).SetProperty(m => m.LeaseUntil, until), ct),
            DatabaseWrites.ApplyAgain,
            cancellationToken);
        return await db.WebhookMessages.AsNoTracking()
            .Where(m => m.Lease == token)
            .Join(db.WebhookEndpoints, m => m.EndpointId, e => e.Id, (m, e) => new WebhookDelivery(
                m.Id, m.EndpointId, e.Url, e.ProtectedSecret, m.Type, m.Body, m.Attempts, token))
            .ToListAsync(cancellationToken);
    }

    public Task RecordAsync(WebhookDelivery delivery, WebhookAttemptResult result, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var attempt = delivery.Attempts + 1;
        var state = result.Succeeded ? WebhookMessageState.Delivered : retryAt is null ? WebhookMessageState.Failed : WebhookMessageState.Pending;
        DateTimeOffset? finished = state == WebhookMessageState.Pending ? null : result.At;
        var next = retryAt ?? result.At;
        return db.WriteAsync(
            async ct =>
            {
                db.WebhookAttempts.Add(new WebhookAttemptRow
                {
                    EndpointId = delivery.EndpointId,
                    MessageId = delivery.MessageId,
                    Type = delivery.Type,
                    Attempt = attempt,
                    At = result.At,
                    StatusCode = result.StatusCode,
                    Error = result.Error is { Length: > 200 } error ? error[..200] : result.Error,
                    DurationMs = result.DurationMs,
                    Response = result.Response,
                });
                await db.SaveChangesAsync(ct);
                // Only the claim that holds the lease moves the message on; a claim whose lease ran out records its attempt only.
                await db.WebhookMessages
                    .Where(m => m.Id == delivery.MessageId && m.Lease == delivery.Lease)
                    .ExecuteUpdateAsync(
                        u => u.SetProperty(m => m.Attempts, attempt)
                            .SetProperty(m => m.State, (int)state)
                            .SetProperty(m => m.NextAttempt, next)
                            .SetProperty(m => m.Finished, finished)
                            .SetProperty(m => m.Lease, (Guid?)null)
                            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                        ct);
                return true;
            },
            ct => db.WebhookAttempts.AnyAsync(a => a.MessageId == delivery.MessageId && a.Attempt == attempt && a.At == result.At, ct),
            cancellationToken);
    }

    public async Task TrimAsync(DateTimeOffset messagesBefore, DateTimeOffset attemptsBefore, CancellationToken cancellationToken)
    {
        await db.WebhookMessages.Where(m => m.State != Pending && m.Finished < messagesBefore).ExecuteDeleteAsync(cancellationToken);
        await db.WebhookAttempts.Where(a => a.At < attemptsBefore).ExecuteDeleteAsync(cancellationToken);
    }

    private IQueryable<WebhookMessageRow> Claimable(DateTimeOffset now) =>
        db.WebhookMessages.Where(m => m.State == Pending && m.NextAttempt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));
}
