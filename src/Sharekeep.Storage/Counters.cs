using Microsoft.EntityFrameworkCore;

namespace Sharekeep.Storage;

/// <summary>Numbers that are never given twice, from the Counters table.</summary>
internal static class Counters
{
    /// <summary>The integer ids of files on the document platform's API.</summary>
    public const string FileNumber = "FileNumber";

    /// <summary>
    /// Takes the next value inside the caller's transaction. The row's lock (PostgreSQL) or the single writer
    /// (SQLite) keeps two writers, on any instance, from taking the same value; a value whose transaction rolls
    /// back was never seen by anyone, so giving it again reuses nothing.
    /// </summary>
    public static async Task<long> NextAsync(this SharekeepDbContext db, string name, CancellationToken cancellationToken)
    {
        var values = await db.Database
            .SqlQuery<long>($"UPDATE \"Counters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = {name} RETURNING \"Value\"")
            .ToListAsync(cancellationToken);
        return values is [var value]
            ? value
            : throw new InvalidOperationException($"The counter {name} is missing: the database's migrations did not run.");
    }
}
