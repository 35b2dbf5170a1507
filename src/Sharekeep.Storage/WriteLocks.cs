namespace Sharekeep.Storage;

/// <summary>
/// Serializes a read-decide-write sequence that the database's isolation alone would let interleave (two
/// instances switching the same setting, two links of one file made primary at once). Held until the current
/// transaction ends.
/// </summary>
public interface IWriteLocks
{
    Task AcquireAsync(SharekeepDbContext db, string name, CancellationToken cancellationToken);
}

/// <summary>SQLite lets one writer at a time into the whole file, so there is nothing more to take.</summary>
internal sealed class DatabaseWideWriter : IWriteLocks
{
    public Task AcquireAsync(SharekeepDbContext db, string name, CancellationToken cancellationToken) => Task.CompletedTask;
}
