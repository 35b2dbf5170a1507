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

    /// <summary>
    /// A write that can be applied again (<see cref="ApplyAgain"/>), at <paramref name="isolation"/>: for one that
    /// reads rows and then changes them by what it read, where another transaction changing them in between must make
    /// this one start again. On PostgreSQL, repeatable read fails such an update with a serialization failure, which
    /// the execution strategy retries from the top; SQLite runs one writing transaction at a time, so nothing comes in
    /// between there. A commit of unknown outcome is tried again too, which such a write allows.
    /// </summary>
    public static Task<T> WriteAsync<T>(
        this SharekeepDbContext db, Func<CancellationToken, Task<T>> write, System.Data.IsolationLevel isolation, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(isolation, ct);
                var result = await write(ct);
                await transaction.CommitAsync(ct);
                return result;
            },
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
