using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Policy;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfAuditStore(SharekeepDbContext db) : IAuditStore
{
    /// <summary>
    /// An export reads this many rows at a time, by id: with a retrying execution strategy EF Core buffers a whole
    /// query's answer, so one query over every entry would hold them all in memory.
    /// </summary>
    internal const int ExportBatch = 500;

    public Task AddAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var actor = record.Actor.ToString();
        return db.AddAsync(
            db => db.PolicyAudit.Add(Row(record, at)),
            // The id is the database's: the entry is known by its moment, action and actor, which no other entry shares.
            ct => db.PolicyAudit.AnyAsync(a => a.At == at && a.Action == record.Action && a.Actor == actor, ct),
            cancellationToken);
    }

    /// <summary>The row of an entry; the policy stores add theirs with the change they record.</summary>
    internal static PolicyAuditRow Row(AuditRecord record, DateTimeOffset at) => new()
    {
        At = at,
        Setting = record.Action,
        Action = record.Action,
        Actor = record.Actor.ToString(),
        Records = RecordsJson(record.Records),
        Details = record.Details?.GetRawText(),
    };

    internal static string? RecordsJson(IReadOnlyList<string> records) => records.Count == 0 ? null : JsonSerializer.Serialize(records);

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var rows = Filter(db.PolicyAudit.AsNoTracking(), query);
        // After an id, the entries just after it; otherwise the newest. Either way answered newest first.
        var page = query.AfterId is null
            ? await rows.OrderByDescending(a => a.Id).Take(query.Limit).ToListAsync(cancellationToken)
            : (await rows.OrderBy(a => a.Id).Take(query.Limit).ToListAsync(cancellationToken)).AsEnumerable().Reverse().ToList();
        return page.ConvertAll(ToEntry);
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = query.AfterId;
        while (true)
        {
            var batch = await Filter(db.PolicyAudit.AsNoTracking(), query with { AfterId = after })
                .OrderBy(a => a.Id)
                .Take(ExportBatch)
                .ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                yield return ToEntry(row);
            }
            if (batch.Count < ExportBatch)
            {
                yield break;
            }
            after = batch[^1].Id;
        }
    }

    private static IQueryable<PolicyAuditRow> Filter(IQueryable<PolicyAuditRow> rows, AuditQuery query)
    {
        if (query.BeforeId is { } before)
        {
            rows = rows.Where(a => a.Id < before);
        }
        if (query.AfterId is { } after)
        {
            rows = rows.Where(a => a.Id > after);
        }
        if (query.Action is { } action)
        {
            rows = action.EndsWith('.') ? rows.Where(a => a.Action!.StartsWith(action)) : rows.Where(a => a.Action == action);
        }
        if (query.Actor is { } actor)
        {
            // The credential alone also finds what was done with it through the console ("console:<session>/<credential>").
            var throughConsole = "/" + actor;
            rows = rows.Where(a => a.Actor == actor || a.Actor!.EndsWith(throughConsole));
        }
        if (query.From is { } from)
        {
            rows = rows.Where(a => a.At >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(a => a.At < to);
        }
        return rows;
    }

    private static AuditEntry ToEntry(PolicyAuditRow row)
    {
        var change = IsSwitch(row.Setting, out var setting) ? new PolicyChange(row.At, setting, row.OldValue, row.NewValue) : null;
        var linkPolicy = EfLinkPolicyStore.ChangeOf(row);
        // Rows from before actions were named: a switch's or the link policy's, named from their setting.
        var action = row.Action
            ?? (change is not null ? AuditActions.Switched(setting) : row.Setting == EfLinkPolicyStore.AuditSetting ? AuditActions.LinkPolicySet : row.Setting);
        return new AuditEntry(row.Id, row.At, action, row.Actor, ReadRecords(row.Records), ReadDetails(row.Details))
        {
            Change = change,
            LinkPolicyChange = linkPolicy,
        };
    }

    /// <summary>A switch's name, as the policy store writes it (never a number, which Enum.TryParse would take).</summary>
    private static bool IsSwitch(string name, out PolicySetting setting) =>
        Enum.TryParse(name, ignoreCase: false, out setting) && Enum.IsDefined(setting) && !char.IsAsciiDigit(name[0]);

    private static List<string> ReadRecords(string? json)
    {
        if (json is null)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static JsonElement? ReadDetails(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
