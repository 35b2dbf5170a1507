using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage.Stores;

internal sealed class EfPasswordFailureStore(SharekeepDbContext db, IWriteLocks locks, WebhookOutboxWriter outbox) : IPasswordFailureStore
{
    public async Task<IReadOnlyList<PasswordFailure>> RecentForLinkAsync(
        Guid linkId, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        await db.PasswordFailures.AsNoTracking()
            .Where(f => f.LinkId == linkId && !f.LinkForgiven && f.At > since)
            .OrderByDescending(f => f.At)
            .Take(limit)
            .Select(f => new PasswordFailure(f.LinkId, f.Network, f.At))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DateTimeOffset>> RecentForNetworkAsync(
        string network, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        await db.PasswordFailures.AsNoTracking()
            .Where(f => f.Network == network && !f.NetworkForgiven && f.At > since)
            .OrderByDescending(f => f.At)
            .Take(limit)
            .Select(f => f.At)
            .ToListAsync(cancellationToken);

    public Task RecordAsync(PasswordFailure failure, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(failure.At);
        return db.AddAsync(
            db => db.PasswordFailures.Add(new PasswordFailureRow { Id = id, LinkId = failure.LinkId, Network = failure.Network, At = failure.At }),
            ct => db.PasswordFailures.AnyAsync(f => f.Id == id, ct),
            cancellationToken);
    }

    public async Task RecordLockoutAsync(LinkLockout lockout, CancellationToken cancellationToken)
    {
        // Without a subscriber there is nothing to announce, and a lockout costs what any failure does.
        if (!await outbox.IsSubscribedAsync(db, WebhookEvents.LinkLocked, cancellationToken))
        {
            await RecordAsync(lockout.Failure, cancellationToken);
            return;
        }
        var failure = lockout.Failure;
        var id = Guid.CreateVersion7(failure.At);
        await db.WriteAsync(
            async ct =>
            {
                // The same last guess on two instances at once: the second to take the lock counts the first's
                // failure (committed by then) and finds the link locked already, so one lockout is one event.
                await locks.AcquireAsync(db, LockoutLock(failure.LinkId), ct);
                var before = await db.PasswordFailures
                    .CountAsync(f => f.LinkId == failure.LinkId && !f.LinkForgiven && f.At > lockout.Since, ct);
                db.PasswordFailures.Add(new PasswordFailureRow { Id = id, LinkId = failure.LinkId, Network = failure.Network, At = failure.At });
                if (before + 1 == lockout.Limit)
                {
                    await AnnounceAsync(lockout, ct);
                }
                return await db.SaveChangesAsync(ct);
            },
            ct => db.PasswordFailures.AnyAsync(f => f.Id == id, ct),
            cancellationToken);
    }

    /// <summary>link.locked names the link as link.revoked does (its id and its file), never its key.</summary>
    private async Task AnnounceAsync(LinkLockout lockout, CancellationToken cancellationToken)
    {
        var link = await db.FileLinks.AsNoTracking()
            .Where(l => l.Id == lockout.Failure.LinkId)
            .Select(l => new { l.Id, l.FileId, l.Expires })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is not null)
        {
            await outbox.AddAsync(db, LinkEvents.Locked(lockout.Failure.At, link.Id, link.FileId, link.Expires, lockout.LockedUntil), cancellationToken);
        }
    }

    private static string LockoutLock(Guid linkId) => "password-lockout:" + linkId.ToString("N");

    public async Task<IReadOnlyList<LinkFailureCount>> LinksWithFailuresAsync(
        DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken) =>
        await db.PasswordFailures.AsNoTracking()
            .Where(f => f.At > since && !f.LinkForgiven)
            .GroupBy(f => f.LinkId)
            .Select(g => new { LinkId = g.Key, Failures = g.Count() })
            .Where(g => g.Failures >= atLeast)
            .OrderByDescending(g => g.Failures)
            .ThenBy(g => g.LinkId)
            .Take(limit)
            .Select(g => new LinkFailureCount(g.LinkId, g.Failures))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<NetworkFailureCount>> NetworksWithFailuresAsync(
        DateTimeOffset since, int atLeast, int limit, CancellationToken cancellationToken) =>
        await db.PasswordFailures.AsNoTracking()
            .Where(f => f.At > since && !f.NetworkForgiven)
            .GroupBy(f => f.Network)
            .Select(g => new { Network = g.Key, Failures = g.Count() })
            .Where(g => g.Failures >= atLeast)
            .OrderByDescending(g => g.Failures)
            .ThenBy(g => g.Network)
            .Take(limit)
            .Select(g => new NetworkFailureCount(g.Network, g.Failures))
            .ToListAsync(cancellationToken);

    public Task<int> ForgetLinkAsync(Guid linkId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            ct => db.PasswordFailures.Where(f => f.LinkId == linkId && !f.LinkForgiven)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.LinkForgiven, true), ct),
            DatabaseWrites.ApplyAgain,
            cancellationToken);

    public Task<int> ForgetNetworkAsync(string network, CancellationToken cancellationToken) =>
        db.WriteAsync(
            ct => db.PasswordFailures.Where(f => f.Network == network && !f.NetworkForgiven)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.NetworkForgiven, true), ct),
            DatabaseWrites.ApplyAgain,
            cancellationToken);

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        db.WriteAsync(
            ct => db.PasswordFailures.Where(f => f.At < before).ExecuteDeleteAsync(ct),
            DatabaseWrites.ApplyAgain,
            cancellationToken);
}
