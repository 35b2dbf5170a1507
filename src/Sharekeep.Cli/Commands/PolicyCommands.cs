using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharekeep.Cli.Output;

namespace Sharekeep.Cli.Commands;

/// <summary>sharekeep policy show|set: the link policy every new link obeys (GET/PUT /api/v1/link-policy).</summary>
internal static class PolicyCommands
{
    private const string Path = "api/v1/link-policy";

    /// <summary>Each option of policy set, and the field of the policy it sets.</summary>
    private static readonly (string Option, string Section, string Field, bool Number, string Description)[] Fields =
    [
        ("--file-default-days", "fileLinks", "defaultLifetimeDays", true, "Lifetime of a new file link that asks for none (days, or none)."),
        ("--file-max-days", "fileLinks", "maxLifetimeDays", true, "Longest lifetime a new file link may ask for (days, or none)."),
        ("--require-password", "fileLinks", "requirePassword", false, "Whether new file links need a password (true or false)."),
        ("--min-password-length", "fileLinks", "minPasswordLength", true, "Shortest password a file link may have (8 to 128, or none)."),
        ("--deny-download-by-default", "fileLinks", "denyDownloadByDefault", false, "Whether a new file link is view-only unless its caller says (true or false)."),
        ("--share-default-days", "shares", "defaultLifetimeDays", true, "Lifetime of a new report or dashboard share that asks for none (days, or none)."),
        ("--share-max-days", "shares", "maxLifetimeDays", true, "Longest lifetime a new share may ask for (days, or none)."),
    ];

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var show = new Command("show", "The link policy in force.");
        globals.SetAction(show, environment, async (run, cancellationToken) => Print(run, await run.Api.GetAsync(Path, cancellationToken)));

        var set = new Command("set", "Changes the named fields of the link policy and keeps the others; existing links are not changed (see links).");
        var options = Fields.Select(field => (field, option: OptionFor(field.Option, field.Number, field.Description))).ToList();
        foreach (var (_, option) in options)
        {
            set.Options.Add(option.Option);
        }
        globals.SetAction(set, environment, async (run, cancellationToken) =>
        {
            var given = options.Where(o => run.Parse.Given(o.option.Option)).ToList();
            if (given.Count == 0)
            {
                throw CliFailure.Usage($"Name at least one field to change: {string.Join(", ", Fields.Select(f => f.Option))}.");
            }
            // The API sets the whole policy at once, so the fields not named are sent as they are now. Two
            // administrators setting different fields at the same moment can undo each other's: the API has no version to check.
            var current = await run.Api.GetAsync(Path, cancellationToken);
            var policy = new JsonObject
            {
                ["fileLinks"] = JsonNode.Parse(current.GetProperty("fileLinks").GetRawText()),
                ["shares"] = JsonNode.Parse(current.GetProperty("shares").GetRawText()),
            };
            foreach (var (field, option) in given)
            {
                policy[field.Section]![field.Field] = option.Value(run.Parse);
            }
            Print(run, (await run.Api.SendAsync(HttpMethod.Put, Path, policy, cancellationToken))!.Value);
        });

        return new Command("policy", "The link policy: lifetimes, passwords and downloads for new links.") { show, set };
    }

    private static void Print(CommandRun run, JsonElement policy) => run.Printer.Write(policy, () =>
    {
        run.Printer.Pairs([.. Summary(policy), ["last set", policy.GetProperty("lastModified") is { ValueKind: JsonValueKind.String } at ? Printer.Time(at) : "never (configuration supplies it)"]]);
    });

    /// <summary>The policy in two rows a person reads at once.</summary>
    public static IReadOnlyList<string[]> Summary(JsonElement policy)
    {
        var files = policy.GetProperty("fileLinks");
        var shares = policy.GetProperty("shares");
        var password = files.GetProperty("requirePassword").GetBoolean() ? "password required" : "password optional";
        if (files.GetProperty("minPasswordLength") is { ValueKind: JsonValueKind.Number } length)
        {
            password += $" (at least {length.GetInt32()})";
        }
        var download = files.GetProperty("denyDownloadByDefault").GetBoolean() ? "view-only by default" : "downloads allowed by default";
        return
        [
            ["file links", $"{Lifetimes(files)}; {password}; {download}"],
            ["shares", Lifetimes(shares)],
        ];
    }

    private static string Lifetimes(JsonElement section) =>
        $"default {Days(section.GetProperty("defaultLifetimeDays"))}, at most {Days(section.GetProperty("maxLifetimeDays"))}";

    private static string Days(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? $"{value.GetInt32()} days" : "no limit";

    /// <summary>The option of one field and the JSON value it gives.</summary>
    private static (Option Option, Func<ParseResult, JsonNode?> Value) OptionFor(string name, bool number, string description)
    {
        if (!number)
        {
            var flag = Values.Boolean(name, description);
            return (flag, parse => parse.GetValue(flag) is { } value ? JsonValue.Create(value) : null);
        }
        // The parser takes a null from a custom parser for a failure, so "none" is a limit of no days, not null.
        var days = new Option<Limit?>(name)
        {
            Description = description,
            HelpName = "N|none",
            CustomParser = result =>
            {
                var token = result.Tokens.Single().Value;
                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return new Limit(value);
                }
                if (token.Equals("none", StringComparison.OrdinalIgnoreCase))
                {
                    return new Limit(null);
                }
                result.AddError($"{name}: '{token}' is not a whole number or 'none'.");
                return null;
            },
        };
        return (days, parse => parse.GetValue(days)?.Days is { } value ? JsonValue.Create(value) : null);
    }
}

/// <summary>A limit of the link policy in whole days (or characters); Days null is no limit.</summary>
internal sealed record Limit(int? Days);
