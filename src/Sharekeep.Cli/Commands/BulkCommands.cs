using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharekeep.Cli.Output;

namespace Sharekeep.Cli.Commands;

/// <summary>
/// sharekeep links revoke|rotate|expire|remove-password|deny-download: one action over every link a filter matches (POST /api/v1/links/bulk).
/// Nothing is asked: --dry-run says how many links it would change, a real run how many it changed.
/// </summary>
internal static class BulkCommands
{
    public static Command Revoke(GlobalOptions globals, CliEnvironment environment) =>
        Create(globals, environment, "revoke", "revoke", "Revokes every link the filter matches, for good.", "revoking", "Revoked", "Would revoke");

    public static Command Rotate(GlobalOptions globals, CliEnvironment environment) =>
        Create(globals, environment, "rotate", "rotate", "Gives every link the filter matches a new key; the old URLs stop working, the resources stay shared.", "rotating", "Rotated", "Would rotate");

    public static Command Expire(GlobalOptions globals, CliEnvironment environment)
    {
        var at = Values.Date("--at", "When the links expire (not in the past).");
        at.Required = true;
        return Create(
            globals, environment, "expire", "expire-at", "Sets the expiry of every link the filter matches.", "setting expiries", "Set the expiry of", "Would set the expiry of",
            (parse, body) => body["expiresAt"] = parse.GetValue(at)!.Value.ToString("O", CultureInfo.InvariantCulture), at);
    }

    public static Command RemovePassword(GlobalOptions globals, CliEnvironment environment) =>
        Create(
            globals, environment, "remove-password", "remove-password", "Removes the password of every file link the filter matches (shares have none); refused while the link policy requires passwords.",
            "removing passwords", "Removed the password of", "Would remove the password of");

    public static Command DenyDownload(GlobalOptions globals, CliEnvironment environment)
    {
        var off = new Option<bool>("--off") { Description = "Allow downloads again instead of denying them." };
        return Create(
            globals, environment, "deny-download", "set-deny-download", "Makes every file link the filter matches view-only (no download); with --off, downloadable again.",
            "setting downloads", "Set downloads of", "Would set downloads of",
            (parse, body) => body["denyDownload"] = !parse.GetValue(off), off);
    }

    private static Command Create(
        GlobalOptions globals,
        CliEnvironment environment,
        string name,
        string action,
        string description,
        string working,
        string done,
        string wouldDo,
        Action<ParseResult, JsonObject>? complete = null,
        params Option[] extra)
    {
        var filter = new LinkFilter();
        var dryRun = new Option<bool>("--dry-run") { Description = "Count and show the links it would change, and change nothing." };
        var allLinks = new Option<bool>("--all-links") { Description = "With no filter: every active link. Without it, a filter is needed." };
        var command = new Command(name, description + " Links already revoked are not counted; --state defaults to active.") { dryRun, allLinks };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }
        filter.AddTo(command);
        globals.SetAction(command, environment, async (run, cancellationToken) =>
        {
            if (!filter.AnyGiven(run.Parse) && !run.Parse.GetValue(allLinks))
            {
                // An empty filter is every active link: too much to be what a forgotten option meant.
                throw CliFailure.Usage($"No filter given: this would {name} every active link. Add a filter (--kind, --state, --file, ...), or --all-links if that is meant.");
            }
            var preview = run.Parse.GetValue(dryRun);
            var body = new JsonObject { ["filter"] = filter.ToJson(run.Parse), ["action"] = action, ["dryRun"] = preview };
            complete?.Invoke(run.Parse, body);
            JsonElement answer;
            await using (Progress.Start(run.Environment, () => preview ? "counting..." : working + "..."))
            {
                answer = (await run.Api.SendAsync(HttpMethod.Post, "api/v1/links/bulk", body, cancellationToken))!.Value;
            }
            run.Printer.Write(answer, () => Print(run.Printer, answer, preview ? wouldDo : done, preview));
        });
        return command;
    }

    private static void Print(Printer printer, JsonElement answer, string verb, bool preview)
    {
        var count = answer.GetProperty("count").GetInt64();
        printer.Line($"{verb} {count} link{(count == 1 ? "" : "s")}{(preview ? " (dry run: nothing changed)" : "")}.");
        var links = answer.GetProperty("links").EnumerateArray().ToList();
        if (links.Count == 0)
        {
            return;
        }
        if (links[0].TryGetProperty("previousUrl", out _))
        {
            printer.Table(["kind", "name", "old url", "new url"], links.Select(link => (IReadOnlyList<string?>)
                [LinksCommands.Text(link, "kind"), LinksCommands.Text(link, "name"), LinksCommands.Text(link, "previousUrl"), LinksCommands.Text(link, "url")]));
        }
        else
        {
            LinksCommands.Print(printer, links);
        }
        if (count > links.Count)
        {
            printer.Line($"(the first {links.Count} of {count})");
        }
    }
}
