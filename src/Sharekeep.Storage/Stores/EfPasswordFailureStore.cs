using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfPasswordFailureStore(SharekeepDbContext db) : IPasswordFailureStore
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
