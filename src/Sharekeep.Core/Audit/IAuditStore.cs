namespace Sharekeep.Core.Audit;

/// <summary>The audit trail, shared by every instance. Entries are only ever added.</summary>
public interface IAuditStore
{
    /// <summary>Adds one entry, in a transaction of its own.</summary>
    Task AddAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// One page, newest first: with <see cref="AuditQuery.AfterId"/>, the <see cref="AuditQuery.Limit"/> entries
    /// just after it (so a poller misses none), otherwise the newest that match.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Every entry that matches, oldest first, read as it is enumerated (the limit is ignored).</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, CancellationToken cancellationToken);
}
