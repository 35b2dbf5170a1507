using Microsoft.EntityFrameworkCore;

namespace Sharekeep.Storage;

/// <summary>
/// How every store writes: one transaction run by the provider's execution strategy, which on PostgreSQL tries
/// again after a transient failure (a connection that died in the pool, a restart, a failover). Each attempt
/// starts from an empty change tracker, so rows that a failed attempt added are not inserted twice by the next.
/// A commit that fails has an unknown outcome: it may have been applied. Before trying again, the strategy asks
/// <c>committed</c>, a query for this write's own result (its generated id, its timestamp), so a write is applied
/// once, or reported as failed; never twice.
/// </summary>
internal static class DatabaseWrites
{
    public static Task<T> WriteAsync<T>(
        this SharekeepDbContext db,
        Func<CancellationToken, Task<T>> write,
        Func<CancellationToken, Task<bool>> committed,
        CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                return await write(ct);
            },
            committed,
            cancellationToken);

    /// <summary>For a write that leaves the same rows however often it is applied (an upsert by key): try it again.</summary>
    public static Task<bool> ApplyAgain(CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Adds rows with keys chosen here (never by the database), so that <c>committed</c> can look for them.</summary>
    public static Task AddAsync(
        this SharekeepDbContext db, Action<SharekeepDbContext> add, Func<CancellationToken, Task<bool>> committed, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                add(db);
                return await db.SaveChangesAsync(ct);
            },
            committed,
            cancellationToken);
}
