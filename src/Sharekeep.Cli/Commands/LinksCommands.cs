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
            var (links, next) = await ReadPagesAsync(run, query, run.Parse.GetValue(cursor), run.Parse.GetValue(all), cancellationToken);
            run.Printer.Write(new JsonObject { ["links"] = links, ["nextCursor"] = next }, () =>
            {
                Print(run.Printer, links.Select(link => JsonSerializer.SerializeToElement(link)));
                if (next is not null)
                {
                    // The cursor is the server's text: shown, not obeyed, like every other.
                    run.Environment.Error.WriteLine(TerminalText.Safe($"More links follow: --all lists every page, --cursor {next} the next."));
                }
            });
        });
        return command;
    }

    private static async Task<(JsonArray Links, string? NextCursor)> ReadPagesAsync(
        CommandRun run, JsonObject query, string? cursor, bool all, CancellationToken cancellationToken)
    {
        var links = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (cursor is not null)
            {
                query["cursor"] = cursor;
            }
            var page = await run.Api.GetAsync("api/v1/links" + LinkFilter.ToQuery(query), cancellationToken);
            foreach (var link in page.GetProperty("links").EnumerateArray())
            {
                links.Add(JsonNode.Parse(link.GetRawText()));
            }
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            // A cursor seen before would page forever; the server's keyset cursors never repeat, so this only guards.
            if (!all || cursor is null || !seen.Add(cursor))
            {
                return (links, cursor);
            }
        }
    }

    /// <summary>Links as a table, one a row, in the order given.</summary>
    public static void Print(Printer printer, IEnumerable<JsonElement> links) => printer.Table(
        ["kind", "id", "name", "state", "expires", "password", "url"],
        links.Select(link => (IReadOnlyList<string?>)
        [
            Text(link, "kind"),
            Text(link, "id"),
            Text(link, "title") is { Length: > 0 } title ? $"{Text(link, "name")}: {title}" : Text(link, "name"),
            Text(link, "state"),
            link.TryGetProperty("expires", out var expires) && expires.ValueKind == JsonValueKind.String ? Printer.Time(expires) : "never",
            link.TryGetProperty("hasPassword", out var password) && password.ValueKind == JsonValueKind.True ? "yes" : "no",
            Text(link, "url"),
        ]));

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
