using Microsoft.EntityFrameworkCore;

namespace Sharekeep.Storage.Postgres;

/// <summary>A transaction-scoped advisory lock per name: shared by every instance on the database, released at commit or rollback.</summary>
internal sealed class AdvisoryWriteLocks : IWriteLocks
{
    public Task AcquireAsync(SharekeepDbContext db, string name, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"sharekeep:" + name}))", cancellationToken);
}
