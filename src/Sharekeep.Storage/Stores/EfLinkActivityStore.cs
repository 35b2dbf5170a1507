using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// Activity in the database. EF Core cannot say "add to what is there", so a flush is parameterised SQL: additive
/// multi-row upserts (<see cref="ActivityBatchWriter"/>), which SQLite and PostgreSQL both speak.
/// </summary>
internal sealed class EfLinkActivityStore(SharekeepDbContext db, WebhookOutboxWriter outbox, TimeProvider time) : ILinkActivityStore
{
    private bool IsPostgres => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public Task<IReadOnlyList<ActivityLink>> AddAsync(ActivityBatch batch, int visitorsPerLinkDay, CancellationToken cancellationToken) =>
        // The writer's sequence commits with the counts: after a commit whose outcome was lost, the retry finds it and
        // adds nothing, and so does a later flush writing the same batch again.
        db.WriteAsync(
            ct => AddInTransactionAsync(batch, visitorsPerLinkDay, ct),
            ct => db.ActivityWriters.AnyAsync(w => w.Id == batch.Writer && w.Sequence >= batch.Sequence, ct),
            cancellationToken);

    private async Task<IReadOnlyList<ActivityLink>> AddInTransactionAsync(ActivityBatch batch, int visitorsPerLinkDay, CancellationToken cancellationToken)
    {
        var writer = await db.ActivityWriters.FirstOrDefaultAsync(w => w.Id == batch.Writer, cancellationToken);
        if (writer?.Sequence >= batch.Sequence)
        {
            return [];
        }
        var firstUses = await new ActivityBatchWriter(db, IsPostgres).WriteAsync(batch, visitorsPerLinkDay, cancellationToken);
        if (writer is null)
        {
            db.ActivityWriters.Add(writer = new ActivityWriterRow { Id = batch.Writer });
        }
        (writer.Sequence, writer.At) = (batch.Sequence, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        // Only link.first_view needs the links' rows: without a subscriber, a flush reads nothing more.
        if (firstUses.Count > 0 && await outbox.IsSubscribedAsync(db, WebhookEvents.LinkFirstView, cancellationToken))
        {
            await AnnounceFirstViewsAsync(firstUses, cancellationToken);
        }
        return [.. firstUses.Select(f => f.Link)];
    }

    public async Task<DateTimeOffset?> FirstUseAsync(ActivityLink link, CancellationToken cancellationToken)
    {
        var kind = link.KindName;
        var at = await db.LinkFirstUses.AsNoTracking()
            .Where(f => f.Kind == kind && f.LinkId == link.Id)
            .Select(f => (DateTimeOffset?)f.At)
            .FirstOrDefaultAsync(cancellationToken);
        return at;
    }

    /// <summary>
    /// link.first_view for each link first used in this batch, in the flush's own transaction, so the event commits
    /// with the counts or not at all. The event names what the link points at, never a share's key.
    /// </summary>
    private async Task AnnounceFirstViewsAsync(IReadOnlyList<(ActivityLink Link, DateTimeOffset At)> firstUses, CancellationToken cancellationToken)
    {
        var firstAccess = firstUses.ToDictionary(f => f.Link, f => f.At);
        DateTimeOffset At(ActivityLink link) => firstAccess[link];
        var shareKeys = firstUses.Where(f => f.Link.Kind == ActivityLinkKind.Share).Select(f => f.Link.Id).ToList();
        var fileLinkIds = firstUses.Where(f => f.Link.Kind == ActivityLinkKind.File).Select(f => Guid.Parse(f.Link.Id)).ToList();
        var shares = await db.Shares.AsNoTracking().Where(s => shareKeys.Contains(s.Id)).ToListAsync(cancellationToken);
        var fileLinks = await db.FileLinks.AsNoTracking().Where(l => fileLinkIds.Contains(l.Id)).ToListAsync(cancellationToken);
        await outbox.AddAsync(
            db,
            WebhookEvents.LinkFirstView,
            [
                .. shares.Select(s => LinkEvents.Share(WebhookEvents.LinkFirstView, At(ActivityLink.Share(s.Id)), s.Kind, s.ResourceId, s.Expires)),
                .. fileLinks.Select(l => LinkEvents.FileLink(WebhookEvents.LinkFirstView, At(ActivityLink.File(l.Id)), l.Id, l.FileId, l.Expires)),
            ],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DailyActivity>> DaysAsync(ActivityLink link, DateOnly from, CancellationToken cancellationToken)
    {
        var kind = link.KindName;
        var start = ActivityDay.Start(from);
        var rows = await db.LinkActivity.AsNoTracking()
            .Where(a => a.Kind == kind && a.LinkId == link.Id && a.Day >= start)
            .OrderBy(a => a.Day)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new DailyActivity(
            DateOnly.FromDateTime(a.Day.UtcDateTime), a.Views, a.Downloads, a.Previews, a.Visitors, a.PasswordFailures, a.Lockouts, a.FirstAccess, a.LastAccess))];
    }

    public async Task<IReadOnlyDictionary<ActivityLink, ActivitySummary>> SummariesAsync(
        IReadOnlyCollection<ActivityLink> links, DateOnly from, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return new Dictionary<ActivityLink, ActivitySummary>();
        }
        var shares = links.Where(l => l.Kind == ActivityLinkKind.Share).Select(l => l.Id).ToList();
        var files = links.Where(l => l.Kind == ActivityLinkKind.File).Select(l => l.Id).ToList();
        var start = ActivityDay.Start(from);
        var rows = await db.LinkActivity.AsNoTracking()
            .Where(a => a.Day >= start && ((a.Kind == "share" && shares.Contains(a.LinkId)) || (a.Kind == "file" && files.Contains(a.LinkId))))
            .GroupBy(a => new { a.Kind, a.LinkId })
            .Select(g => new { g.Key.Kind, g.Key.LinkId, Views = g.Sum(a => a.Views), LastAccess = g.Max(a => a.LastAccess) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => new ActivityLink(ActivityLink.KindOf(r.Kind), r.LinkId), r => new ActivitySummary(r.Views, r.LastAccess));
    }

    public async Task<byte[]> SaltAsync(DateOnly day, byte[] proposed, CancellationToken cancellationToken)
    {
        var start = ActivityDay.Start(day);
        await db.WriteAsync(
            ct => db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "ActivitySalts" ("Day", "Salt") VALUES ({0}, {1}) ON CONFLICT ("Day") DO NOTHING""", [start.UtcTicks, proposed], ct),
            DatabaseWrites.ApplyAgain,
            cancellationToken);
        return await db.ActivitySalts.AsNoTracking().Where(s => s.Day == start).Select(s => s.Salt).SingleAsync(cancellationToken);
    }

    public Task SweepAsync(DateOnly keepFrom, DateOnly hashesFrom, DateOnly saltsFrom, CancellationToken cancellationToken)
    {
        var (counts, hashes, salts) = (ActivityDay.Start(keepFrom), ActivityDay.Start(hashesFrom), ActivityDay.Start(saltsFrom));
        return db.WriteAsync(
            async ct =>
            {
                var deleted = await db.LinkActivity.Where(a => a.Day < counts).ExecuteDeleteAsync(ct);
                deleted += await db.LinkVisitors.Where(v => v.Day < hashes).ExecuteDeleteAsync(ct);
                deleted += await db.ActivityWriters.Where(w => w.At < counts).ExecuteDeleteAsync(ct);
                return deleted + await db.ActivitySalts.Where(s => s.Day < salts).ExecuteDeleteAsync(ct);
            },
            DatabaseWrites.ApplyAgain,
            cancellationToken);
    }
}
