using System.Runtime.CompilerServices;
using Sharekeep.Core.Audit;

namespace Sharekeep.Core.Tests.Fakes;

/// <summary>The audit trail in a list, filtered as the EF store filters it.</summary>
internal sealed class InMemoryAuditStore : IAuditStore
{
    private readonly List<AuditEntry> _entries = [];

    public IReadOnlyList<AuditEntry> Entries => _entries;

    public Task AddAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _entries.Add(new AuditEntry(_entries.Count + 1, at, record.Action, record.Actor.ToString(), record.Records, record.Details));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var matching = Matching(query);
        IEnumerable<AuditEntry> page = query.AfterId is null
            ? matching.OrderByDescending(e => e.Id).Take(query.Limit)
            : matching.OrderBy(e => e.Id).Take(query.Limit).Reverse();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(page.ToList());
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in Matching(query).OrderBy(e => e.Id).ToList())
        {
            await Task.Yield();
            yield return entry;
        }
    }

    private IEnumerable<AuditEntry> Matching(AuditQuery query) => _entries.Where(e =>
        (query.BeforeId is not { } before || e.Id < before)
        && (query.AfterId is not { } after || e.Id > after)
        && (query.Action is not { } action || (action.EndsWith('.') ? e.Action.StartsWith(action, StringComparison.Ordinal) : e.Action == action))
        && (query.Actor is not { } actor || e.Actor == actor || (e.Actor?.EndsWith("/" + actor, StringComparison.Ordinal) ?? false))
        && (query.From is not { } from || e.At >= from)
        && (query.To is not { } to || e.At < to));
}
