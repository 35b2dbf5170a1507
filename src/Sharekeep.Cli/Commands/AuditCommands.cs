using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharekeep.Cli.Output;

namespace Sharekeep.Cli.Commands;

/// <summary>
/// sharekeep audit tail: the last entries of the audit log (GET /api/v1/audit), oldest first like tail(1), and with
/// --follow the new ones as they come (polled with afterId) until Ctrl-C.
/// </summary>
internal static class AuditCommands
{
    private const int PollPage = 100;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many of the last entries, 1 to 1000.", DefaultValueFactory = _ => 20, HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit is between 1 and 1000.");
            }
        });
        var follow = new Option<bool>("--follow", "-f") { Description = "Then print new entries as they come, until Ctrl-C (with --json: one JSON object a line)." };
        var interval = new Option<int>("--interval") { Description = "With --follow: seconds between two looks, 1 to 3600.", DefaultValueFactory = _ => 2, HelpName = "SECONDS" };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3600)
            {
                result.AddError("--interval is between 1 and 3600 seconds.");
            }
        });
        var action = new Option<string?>("--action") { Description = "Only this action (e.g. links.bulk), or a prefix ending in '.' (links.).", HelpName = "NAME" };
        var actor = new Option<string?>("--actor") { Description = "Only entries of this credential (api-secret, key:<id>, ...).", HelpName = "ACTOR" };
        var tail = new Command("tail", "The last entries of the audit log, oldest first; --follow for new ones.") { limit, follow, interval, action, actor };
        globals.SetAction(tail, environment, async (run, cancellationToken) =>
        {
            var filters = new JsonObject();
            if (run.Parse.GetValue(action) is { } name)
            {
                filters["action"] = name;
            }
            if (run.Parse.GetValue(actor) is { } who)
            {
                filters["actor"] = who;
            }
            var query = (JsonObject)filters.DeepClone();
            query["limit"] = run.Parse.GetValue(limit);
            var last = (await run.Api.GetAsync("api/v1/audit" + LinkFilter.ToQuery(query), cancellationToken)).EnumerateArray().Reverse().ToList();
            var following = run.Parse.GetValue(follow);
            if (following && run.Printer.Json)
            {
                last.ForEach(run.Printer.WriteJsonLine);
            }
            else
            {
                run.Printer.Write(JsonSerializer.SerializeToElement(last), () => Print(run.Printer, last, header: true));
            }
            if (!following)
            {
                return;
            }
            await FollowAsync(run, filters, last.Count == 0 ? 0 : last.Max(Id), TimeSpan.FromSeconds(run.Parse.GetValue(interval)), cancellationToken);
        });
        return new Command("audit", "The audit log: who changed what, when.") { tail };
    }

    private static async Task FollowAsync(CommandRun run, JsonObject filters, long lastId, TimeSpan interval, CancellationToken cancellationToken)
    {
        run.Printer.Output.Flush();
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var entries = await NewerThanAsync(run, filters, lastId, cancellationToken);
                foreach (var entry in entries)
                {
                    if (run.Printer.Json)
                    {
                        run.Printer.WriteJsonLine(entry);
                    }
                    else
                    {
                        Print(run.Printer, [entry], header: false);
                    }
                    lastId = Id(entry);
                }
                await run.Printer.Output.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how a follow ends: not a failure.
        }
    }

    /// <summary>
    /// Every entry after <paramref name="lastId"/>, oldest first: pages of the newest above it, walked down with beforeId
    /// while they come full. Ids are checked here too, so a server that ignores afterId (one older than the audit's
    /// filters) repeats nothing; there only the newest page of each look is seen.
    /// </summary>
    private static async Task<List<JsonElement>> NewerThanAsync(CommandRun run, JsonObject filters, long lastId, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<long, JsonElement>();
        long? before = null;
        while (true)
        {
            var query = (JsonObject)filters.DeepClone();
            query["afterId"] = lastId;
            query["limit"] = PollPage;
            if (before is { } below)
            {
                query["beforeId"] = below;
            }
            var page = (await run.Api.GetAsync("api/v1/audit" + LinkFilter.ToQuery(query), cancellationToken)).EnumerateArray().ToList();
            var added = page.Where(entry => Id(entry) > lastId && (before is null || Id(entry) < before) && found.TryAdd(Id(entry), entry)).Count();
            if (page.Count < PollPage || added == 0)
            {
                return [.. found.Values];
            }
            before = found.Keys.First();
        }
    }

    private static long Id(JsonElement entry) => entry.GetProperty("id").GetInt64();

    private static void Print(Printer printer, IReadOnlyList<JsonElement> entries, bool header)
    {
        var rows = entries.Select(entry => new[]
        {
            Id(entry).ToString(CultureInfo.InvariantCulture),
            Printer.Time(entry.GetProperty("at")),
            LinksCommands.Text(entry, "actor") ?? "",
            LinksCommands.Text(entry, "action") ?? LinksCommands.Text(entry, "setting") ?? "",
            Change(entry),
        });
        if (header)
        {
            printer.Table(["id", "at", "actor", "action", "change"], rows);
            return;
        }
        foreach (var row in rows)
        {
            // Followed entries come one at a time; a row per line, its columns apart by two spaces like the table's.
            printer.Line(string.Join("  ", row));
        }
    }

    private static string Change(JsonElement entry)
    {
        if (entry.TryGetProperty("oldValue", out var old) && entry.TryGetProperty("newValue", out var now))
        {
            return $"{StatusCommand.OnOff(old)} -> {StatusCommand.OnOff(now)}";
        }
        if (entry.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            return details.GetRawText();
        }
        if (entry.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array && records.GetArrayLength() > 0)
        {
            return string.Join(", ", records.EnumerateArray().Select(r => r.ToString()));
        }
        return entry.TryGetProperty("newPolicy", out _) ? "link policy set" : "";
    }
}
