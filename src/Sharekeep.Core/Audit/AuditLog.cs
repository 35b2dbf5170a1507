using System.Text.Json;
using Sharekeep.Core.Credentials;

namespace Sharekeep.Core.Audit;

/// <summary>An entry to add: who did what to which records, and what else it says.</summary>
public sealed record AuditRecord(Actor Actor, string Action, IReadOnlyList<string> Records, JsonElement? Details = null);

/// <summary>
/// The one way an administrator's action reaches the audit trail. A domain service calls it once its change is
/// stored and before the change is answered, so every change acknowledged has its entry (see decision 26 for
/// the switches and the link policy, which write theirs in the change's own transaction).
/// </summary>
public sealed class AuditLog(IAuditStore store, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="details">Serialized as JSON (camelCase); never give it a secret, a password or key material.</param>
    /// <param name="cancellationToken">
    /// Not passed on: the change is made by now, so its entry is written even if the caller has gone (a dropped
    /// connection must not be a way to change things unrecorded).
    /// </param>
    public Task RecordAsync(Actor actor, string action, IReadOnlyList<string> records, object? details, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return store.AddAsync(
            new AuditRecord(actor, action, records, details is null ? null : JsonSerializer.SerializeToElement(details, Json)),
            time.GetUtcNow(),
            CancellationToken.None);
    }

    public Task RecordAsync(Actor actor, string action, IReadOnlyList<string> records, CancellationToken cancellationToken) =>
        RecordAsync(actor, action, records, null, cancellationToken);

    /// <summary>
    /// The entry of one bulk action over links ("links.bulk"): the filter as the request gave it, the action's
    /// name and the number of links it changed. One entry for the whole action, written after its last batch.
    /// </summary>
    public Task RecordLinksBulkAsync(Actor actor, JsonElement filter, string bulkAction, long count, bool completed, CancellationToken cancellationToken) =>
        RecordAsync(actor, AuditActions.LinksBulk, [], new BulkDetails(filter, bulkAction, count, completed), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken) =>
        store.ListAsync(query with { Limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit) }, cancellationToken);

    public IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, CancellationToken cancellationToken) =>
        store.ReadAllAsync(query, cancellationToken);

    private sealed record BulkDetails(JsonElement Filter, string Action, long Count, bool Completed);
}
