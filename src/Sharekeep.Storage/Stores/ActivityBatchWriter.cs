using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sharekeep.Core.Activity;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// Writes one flush's counts with a few multi-row statements instead of several statements per link-day: a flush
/// runs on the same cores as the visitors it counted, and at thousands of links per flush per-row statements took
/// a third of a busy server's time (bench, docs/benchmarks.md). Plain ADO.NET commands in the caller's transaction;
/// SQLite (3.35 and later) and PostgreSQL both speak the SQL used here. A link's id is a parameter; numbers, kinds
/// and hashes, all made here, are written as literals: SQLite binds a parameter by searching the statement's names
/// one by one, so 200 rows of a dozen parameters each cost more to bind than to write (a profile of the flush).
/// </summary>
internal sealed class ActivityBatchWriter(SharekeepDbContext db, bool postgres)
{
    // Parameters per statement stay far below SQLite's 32 766 and PostgreSQL's 65 535.
    private const int LinkDaysPerStatement = 200;
    private const int VisitorsPerStatement = 500;

    /// <summary>Writes the batch's counts; answers the links whose first view or download ever it holds, and when that was.</summary>
    public async Task<IReadOnlyList<(ActivityLink Link, DateTimeOffset At)>> WriteAsync(ActivityBatch batch, int visitorsPerLinkDay, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<LinkDayKey, int>();
        // Deltas come sorted by link and day, and chunks keep that order: instances flushing the same links at once
        // lock their rows in the same order. On PostgreSQL each upserted row stays locked until commit, so two
        // instances cannot both read the same stored visitor count and both fill the last places.
        foreach (var chunk in batch.Deltas.Chunk(LinkDaysPerStatement))
        {
            await UpsertCountsAsync(chunk, stored, cancellationToken);
        }

        // Hashes already stored take no place: a link-day near its limit gets further rounds until it is full or has
        // no candidates left. Each round takes at least one candidate per link-day still in play, so the rounds are
        // bounded by the batch's visitors.
        var added = new Dictionary<LinkDayKey, int>();
        var candidates = batch.Deltas.Where(d => d.Visitors.Count > 0)
            .Select(d => (Key: LinkDayKey.Of(d), Delta: d))
            .ToDictionary(c => c.Key, c => (c.Delta.Visitors, Next: 0));
        while (true)
        {
            var round = new List<(LinkDayKey Key, byte[] Hash)>();
            foreach (var (key, (hashes, next)) in candidates.ToList())
            {
                var room = visitorsPerLinkDay - stored.GetValueOrDefault(key) - added.GetValueOrDefault(key);
                var take = Math.Min(room, hashes.Count - next);
                if (take <= 0)
                {
                    candidates.Remove(key);
                    continue;
                }
                round.AddRange(hashes.Skip(next).Take(take).Select(hash => (key, VisitorHash.ToBytes(hash))));
                candidates[key] = (hashes, next + take);
            }
            if (round.Count == 0)
            {
                break;
            }
            foreach (var chunk in round.Chunk(VisitorsPerStatement))
            {
                await InsertVisitorsAsync(chunk, added, cancellationToken);
            }
        }
        foreach (var chunk in added.OrderBy(a => a.Key).Chunk(LinkDaysPerStatement))
        {
            await AddVisitorCountsAsync(chunk, cancellationToken);
        }

        var firstUses = new List<(ActivityLink Link, DateTimeOffset At)>();
        var used = batch.Deltas.Where(d => d.Uses > 0 && d.FirstAccess is not null && !d.FirstUseStored)
            .GroupBy(d => d.Link)
            .Select(g => (Link: g.Key, At: g.Min(d => d.FirstAccess!.Value)));
        foreach (var chunk in used.Chunk(LinkDaysPerStatement))
        {
            await InsertFirstUsesAsync(chunk, firstUses, cancellationToken);
        }
        return firstUses;
    }

    /// <summary>
    /// A link's first use is stored once: the row that is already there wins. On PostgreSQL a second instance
    /// inserting the same link waits for the first's transaction and then inserts nothing, so exactly one flush
    /// finds each link new, whatever the retention has deleted of its days since.
    /// </summary>
    private async Task InsertFirstUsesAsync(
        (ActivityLink Link, DateTimeOffset At)[] uses, List<(ActivityLink Link, DateTimeOffset At)> inserted, CancellationToken cancellationToken)
    {
        await using var command = NewCommand();
        var rows = new StringBuilder();
        var links = new Dictionary<(string, string), (ActivityLink Link, DateTimeOffset At)>();
        foreach (var use in uses)
        {
            AppendRow(rows, Text(use.Link.KindName), Add(command, use.Link.Id), Number(use.At.UtcTicks));
            links[(use.Link.KindName, use.Link.Id)] = use;
        }
        command.CommandText = $"""
            INSERT INTO "LinkFirstUses" ("Kind", "LinkId", "At") VALUES {rows}
            ON CONFLICT DO NOTHING
            RETURNING "Kind", "LinkId"
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(links[(reader.GetString(0), reader.GetString(1))]);
        }
    }

    private async Task UpsertCountsAsync(ActivityDelta[] deltas, Dictionary<LinkDayKey, int> stored, CancellationToken cancellationToken)
    {
        var (least, greatest) = postgres ? ("LEAST", "GREATEST") : ("min", "max");
        await using var command = NewCommand();
        var rows = new StringBuilder();
        foreach (var delta in deltas)
        {
            AppendRow(rows, Text(delta.Link.KindName), Add(command, delta.Link.Id), Number(ActivityDay.Start(delta.Day).UtcTicks), Number(delta.Views),
                Number(delta.Downloads), Number(delta.Previews), Number(delta.PasswordFailures), Number(delta.Lockouts), Number(0),
                Number(delta.FirstAccess?.UtcTicks), Number(delta.LastAccess?.UtcTicks));
        }
        command.CommandText = $"""
            INSERT INTO "LinkActivity" AS t ("Kind", "LinkId", "Day", "Views", "Downloads", "Previews", "PasswordFailures", "Lockouts", "Visitors", "FirstAccess", "LastAccess")
            VALUES {rows}
            ON CONFLICT ("Kind", "LinkId", "Day") DO UPDATE SET
                "Views" = t."Views" + excluded."Views",
                "Downloads" = t."Downloads" + excluded."Downloads",
                "Previews" = t."Previews" + excluded."Previews",
                "PasswordFailures" = t."PasswordFailures" + excluded."PasswordFailures",
                "Lockouts" = t."Lockouts" + excluded."Lockouts",
                "FirstAccess" = {least}(COALESCE(t."FirstAccess", excluded."FirstAccess"), COALESCE(excluded."FirstAccess", t."FirstAccess")),
                "LastAccess" = {greatest}(COALESCE(t."LastAccess", excluded."LastAccess"), COALESCE(excluded."LastAccess", t."LastAccess"))
            RETURNING "Kind", "LinkId", "Day", "Visitors"
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[new LinkDayKey(reader.GetString(0), reader.GetString(1), reader.GetInt64(2))] = reader.GetInt32(3);
        }
    }

    private async Task InsertVisitorsAsync((LinkDayKey Key, byte[] Hash)[] visitors, Dictionary<LinkDayKey, int> added, CancellationToken cancellationToken)
    {
        await using var command = NewCommand();
        var rows = new StringBuilder();
        foreach (var (key, hash) in visitors)
        {
            AppendRow(rows, Text(key.Kind), Add(command, key.LinkId), Number(key.Day), Bytes(hash));
        }
        command.CommandText = $"""
            INSERT INTO "LinkVisitors" ("Kind", "LinkId", "Day", "Hash") VALUES {rows}
            ON CONFLICT DO NOTHING
            RETURNING "Kind", "LinkId", "Day"
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new LinkDayKey(reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
            added[key] = added.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>The day's visitor count grows by the hashes this flush stored; a hash already there adds nothing.</summary>
    private async Task AddVisitorCountsAsync(KeyValuePair<LinkDayKey, int>[] counts, CancellationToken cancellationToken)
    {
        await using var command = NewCommand();
        var rows = new StringBuilder();
        foreach (var (key, count) in counts)
        {
            AppendRow(rows, Text(key.Kind), Add(command, key.LinkId), Number(key.Day), Number(count));
        }
        // Both databases name a VALUES list's columns column1, column2 and so on.
        command.CommandText = $"""
            UPDATE "LinkActivity" AS t SET "Visitors" = t."Visitors" + v.column4
            FROM (VALUES {rows}) AS v
            WHERE t."Kind" = v.column1 AND t."LinkId" = v.column2 AND t."Day" = v.column3
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand NewCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Activity is written inside the flush's transaction.");
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        return command;
    }

    /// <summary>One parenthesised row of a VALUES list.</summary>
    private static void AppendRow(StringBuilder rows, params string[] values)
    {
        rows.Append(rows.Length == 0 ? "(" : ", (").AppendJoin(", ", values).Append(')');
    }

    /// <summary>Adds a text parameter and answers its placeholder.</summary>
    private static string Add(DbCommand command, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"@p{command.Parameters.Count}";
        parameter.DbType = DbType.String;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }

    /// <summary>A number as SQL; a missing time is a NULL typed for PostgreSQL, which types a VALUES column by its rows.</summary>
    private static string Number(long? value) => value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "CAST(NULL AS bigint)";

    /// <summary>A link kind, one of two fixed words (never a visitor's text).</summary>
    private static string Text(string kind) => kind is "share" or "file" ? $"'{kind}'" : throw new ArgumentOutOfRangeException(nameof(kind));

    /// <summary>A visitor's hash as a blob literal, in each database's own spelling.</summary>
    private string Bytes(byte[] hash) => postgres ? $"'\\x{Convert.ToHexString(hash)}'::bytea" : $"X'{Convert.ToHexString(hash)}'";

    private readonly record struct LinkDayKey(string Kind, string LinkId, long Day) : IComparable<LinkDayKey>
    {
        public static LinkDayKey Of(ActivityDelta delta) => new(delta.Link.KindName, delta.Link.Id, ActivityDay.Start(delta.Day).UtcTicks);

        public int CompareTo(LinkDayKey other)
        {
            var kind = string.CompareOrdinal(Kind, other.Kind);
            if (kind != 0)
            {
                return kind;
            }
            var link = string.CompareOrdinal(LinkId, other.LinkId);
            return link != 0 ? link : Day.CompareTo(other.Day);
        }
    }
}
