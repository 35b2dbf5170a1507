using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharekeep.Cli.Output;

namespace Sharekeep.Cli.Commands;

/// <summary>sharekeep links ...: the inventory (GET /api/v1/links), bulk actions over it, and new links.</summary>
internal static class LinksCommands
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment) => new("links", "Every share and file link: list them, act on many at once, make one.")
    {
        List(globals, environment),
        BulkCommands.Revoke(globals, environment),
        BulkCommands.Rotate(globals, environment),
        BulkCommands.Expire(globals, environment),
        BulkCommands.RemovePassword(globals, environment),
        BulkCommands.DenyDownload(globals, environment),
        LinkCreateCommand.Create(globals, environment),
    };

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var filter = new LinkFilter();
        var sort = new Option<string?>("--sort") { Description = "Order: created, -created (newest first, the default), expires, -expires.", HelpName = "ORDER" };
        sort.AcceptOnlyFromAmong("created", "-created", "expires", "-expires");
        var limit = new Option<int?>("--limit") { Description = "Links per page, 1 to 1000 (the server's default is 100).", HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 1000)
            {
                result.AddError("--limit is between 1 and 1000.");
            }
        });
        var cursor = new Option<string?>("--cursor") { Description = "Go on from this nextCursor of an earlier page.", HelpName = "CURSOR" };
        var all = new Option<bool>("--all") { Description = "Every page, following nextCursor to the end." };
        var command = new Command("list", "Lists shares and file links, filtered, one page (or --all).") { sort, limit, cursor, all };
        filter.AddTo(command);
        globals.SetAction(command, environment, async (run, cancellationToken) =>
        {
            var query = filter.ToJson(run.Parse);
            if (run.Parse.GetValue(sort) is { } order)
            {
                query["sort"] = order;
            }
            if (run.Parse.GetValue(limit) is { } size)
            {
                query["limit"] = size;
            }
            if (run.Parse.GetValue(all))
            {
                await StreamPagesAsync(run, query, run.Parse.GetValue(cursor), cancellationToken);
                return;
            }
            if (run.Parse.GetValue(cursor) is { } from)
            {
                query["cursor"] = from;
            }
            var page = await run.Api.GetAsync("api/v1/links" + LinkFilter.ToQuery(query), cancellationToken);
            var links = page.GetProperty("links").EnumerateArray().ToList();
            var next = NextCursor(page);
            run.Printer.Write(page, () =>
            {
                Print(run.Printer, links);
                if (next is not null)
                {
                    // The cursor is the server's text: shown, not obeyed, like every other.
                    run.Environment.Error.WriteLine(TerminalText.Safe($"More links follow: --all lists every page, --cursor {next} the next."));
                }
            });
        });
        return command;
    }

    /// <summary>
    /// Every page, each written and flushed as it comes, so that a million links never sit in memory: a table per page
    /// (the header on the first), or with --json one document, {"links": [...], "nextCursor": null}, written link by link.
    /// </summary>
    private static async Task StreamPagesAsync(CommandRun run, JsonObject query, string? cursor, CancellationToken cancellationToken)
    {
        var output = run.Printer.Output;
        var written = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (run.Printer.Json)
        {
            output.Write("{\"links\": [");
        }
        while (true)
        {
            if (cursor is not null)
            {
                query["cursor"] = cursor;
            }
            var page = await run.Api.GetAsync("api/v1/links" + LinkFilter.ToQuery(query), cancellationToken);
            var links = page.GetProperty("links").EnumerateArray().ToList();
            if (run.Printer.Json)
            {
                foreach (var link in links)
                {
                    output.Write((written++ == 0 ? "\n  " : ",\n  ") + JsonSerializer.Serialize(link));
                }
            }
            else
            {
                run.Printer.Table(written == 0 ? Headers : null, Rows(links));
                written += links.Count;
            }
            await output.FlushAsync(cancellationToken);
            cursor = NextCursor(page);
            // A cursor seen before would page forever; the server's keyset cursors never repeat, so this only guards.
            if (cursor is null || !seen.Add(cursor))
            {
                break;
            }
        }
        if (run.Printer.Json)
        {
            output.WriteLine($"\n], \"nextCursor\": {JsonSerializer.Serialize(cursor)}}}");
        }
    }

    private static string? NextCursor(JsonElement page) =>
        page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;

    private static readonly string[] Headers = ["kind", "id", "name", "state", "expires", "password", "url"];

    /// <summary>Links as a table, one a row, in the order given.</summary>
    public static void Print(Printer printer, IEnumerable<JsonElement> links) => printer.Table(Headers, Rows(links));

    private static IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<JsonElement> links) =>
        links.Select(link => (IReadOnlyList<string?>)
        [
            Text(link, "kind"),
            Text(link, "id"),
            Text(link, "title") is { Length: > 0 } title ? $"{Text(link, "name")}: {title}" : Text(link, "name"),
            Text(link, "state"),
            link.TryGetProperty("expires", out var expires) && expires.ValueKind == JsonValueKind.String ? Printer.Time(expires) : "never",
            link.TryGetProperty("hasPassword", out var password) && password.ValueKind == JsonValueKind.True ? "yes" : "no",
            Text(link, "url"),
        ]);

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
