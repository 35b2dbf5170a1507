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

/// <summary>For SQLite, which lets one writer at a time into the whole file: there is no further lock to take.</summary>
internal sealed class NoWriteLocks : IWriteLocks
{
    public Task AcquireAsync(SharekeepDbContext db, string name, CancellationToken cancellationToken) => Task.CompletedTask;
}
