using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Webhooks;

/// <summary>
/// Writes one link.expired event for each link whose expiry passed since the last run. How far it has looked is
/// kept in the database (per table: the last expiry and key seen), in the same transaction as the events, so a
/// restart neither loses an expiry nor repeats one; a lock keeps two instances from sweeping at once.
/// </summary>
public sealed class LinkExpirySweep(SharekeepDbContext db, IWriteLocks locks, WebhookOutboxWriter outbox)
{
    internal const string SharesSweep = "expiry:shares";
    internal const string FileLinksSweep = "expiry:filelinks";

    /// <summary>Sweeps up to <paramref name="batch"/> links per table; answers how many expired links it found.</summary>
    public Task<int> RunAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                await locks.AcquireAsync(db, "webhook-expiry", ct);
                var subscribed = await outbox.IsSubscribedAsync(db, WebhookEvents.LinkExpired, ct);
                var found = await SweepSharesAsync(now, batch, subscribed, ct) + await SweepFileLinksAsync(now, batch, subscribed, ct);
                await db.SaveChangesAsync(ct);
                return found;
            },
            DatabaseWrites.ApplyAgain,
            cancellationToken);

    // string.Compare is SQL here: the database compares with the same collation its ORDER BY uses, so the keyset holds.
#pragma warning disable CA1309
    private async Task<int> SweepSharesAsync(DateTimeOffset now, int batch, bool subscribed, CancellationToken cancellationToken)
    {
        var mark = await MarkAsync(SharesSweep, now, cancellationToken);
        if (!subscribed)
        {
            // Nobody listens: nothing to look at, and nothing from before a subscription is sent once one comes.
            (mark.Watermark, mark.AfterKey) = (now, "");
            return 0;
        }
        var (from, after) = (mark.Watermark, mark.AfterKey);
        var expired = await db.Shares.AsNoTracking()
            .Where(s => s.Expires <= now && (s.Expires > from || (s.Expires == from && string.Compare(s.Id, after) > 0)))
            .Where(s => s.Revoked == null || s.Revoked > s.Expires)
            .OrderBy(s => s.Expires).ThenBy(s => s.Id)
            .Take(batch)
            .Select(s => new { s.Id, s.Kind, s.ResourceId, Expires = s.Expires!.Value })
            .ToListAsync(cancellationToken);
        await outbox.AddAsync(db, WebhookEvents.LinkExpired, expired.Select(s => LinkEvents.Share(WebhookEvents.LinkExpired, s.Expires, s.Kind, s.ResourceId, s.Expires)), cancellationToken);
        (mark.Watermark, mark.AfterKey) = expired.Count < batch ? (now, "") : (expired[^1].Expires, expired[^1].Id);
        return expired.Count;
    }

    private async Task<int> SweepFileLinksAsync(DateTimeOffset now, int batch, bool subscribed, CancellationToken cancellationToken)
    {
        var mark = await MarkAsync(FileLinksSweep, now, cancellationToken);
        if (!subscribed)
        {
            (mark.Watermark, mark.AfterKey) = (now, "");
            return 0;
        }
        var (from, after) = (mark.Watermark, mark.AfterKey);
        var expired = await db.FileLinks.AsNoTracking()
            .Where(l => l.Expires <= now && (l.Expires > from || (l.Expires == from && string.Compare(l.Key, after) > 0)))
            .Where(l => l.Revoked == null || l.Revoked > l.Expires)
            .OrderBy(l => l.Expires).ThenBy(l => l.Key)
            .Take(batch)
            .Select(l => new { l.Id, l.Key, l.FileId, Expires = l.Expires!.Value })
            .ToListAsync(cancellationToken);
        await outbox.AddAsync(db, WebhookEvents.LinkExpired, expired.Select(l => LinkEvents.FileLink(WebhookEvents.LinkExpired, l.Expires, l.Id, l.FileId, l.Expires)), cancellationToken);
        (mark.Watermark, mark.AfterKey) = expired.Count < batch ? (now, "") : (expired[^1].Expires, expired[^1].Key);
        return expired.Count;
    }

#pragma warning restore CA1309

    /// <summary>The sweep's mark, tracked; a first run starts at <paramref name="now"/>: links that expired before webhooks existed are not announced.</summary>
    private async Task<WebhookSweepRow> MarkAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.WebhookSweeps.FirstOrDefaultAsync(s => s.Name == name, cancellationToken) is { } row)
        {
            return row;
        }
        row = new WebhookSweepRow { Name = name, Watermark = now, AfterKey = "" };
        db.WebhookSweeps.Add(row);
        return row;
    }
}
