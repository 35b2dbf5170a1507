using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharekeep.Cli.Commands;

/// <summary>
/// The inventory's filters as options, shared by links list (as GET /api/v1/links query parameters) and the bulk
/// actions (as POST /api/v1/links/bulk's filter object): one set of names, the API's.
/// </summary>
internal sealed class LinkFilter
{
    private readonly Option<string[]> _kind = Values.OneOrMore("--kind", "Which kinds of link", "report", "dashboard", "file");
    private readonly Option<string[]> _state = Values.OneOrMore("--state", "Which states", "active", "expired", "revoked");
    private readonly Option<Guid?> _resource = Values.Id("--resource", "Shares of this report or dashboard (its id).");
    private readonly Option<Guid?> _file = Values.Id("--file", "Links of this file (its id).");
    private readonly Option<bool?> _hasPassword = Values.Boolean("--has-password", "Links with (true) or without (false) a password; shares never have one.");
    private readonly Option<bool?> _denyDownload = Values.Boolean("--deny-download", "File links that are view only (true) or allow downloads (false); shares match neither.");
    private readonly Option<DateTimeOffset?> _createdAfter = Values.Date("--created-after", "Made strictly after this time.");
    private readonly Option<DateTimeOffset?> _createdBefore = Values.Date("--created-before", "Made strictly before this time.");
    private readonly Option<DateTimeOffset?> _expiresAfter = Values.Date("--expires-after", "Expiring strictly after this time (links that never expire do not match).");
    private readonly Option<DateTimeOffset?> _expiresBefore = Values.Date("--expires-before", "Expiring strictly before this time (links that never expire do not match).");
    private readonly Option<string?> _search = new("--search") { Description = "Text in the report's, dashboard's or file's name or the link's title (any case).", HelpName = "TEXT" };

    private IEnumerable<Option> Options => [_kind, _state, _resource, _file, _hasPassword, _denyDownload, _createdAfter, _createdBefore, _expiresAfter, _expiresBefore, _search];

    public void AddTo(Command command)
    {
        foreach (var option in Options)
        {
            command.Options.Add(option);
        }
    }

    public bool AnyGiven(ParseResult parse) => Options.Any(parse.Given);

    /// <summary>The filter as the bulk endpoint takes it; only the options given are in it.</summary>
    public JsonObject ToJson(ParseResult parse)
    {
        var filter = new JsonObject();
        Add(filter, "kind", parse.GetValue(_kind));
        Add(filter, "state", parse.GetValue(_state));
        filter.AddIfValue("resourceId", parse.GetValue(_resource));
        filter.AddIfValue("fileId", parse.GetValue(_file));
        filter.AddIfValue("hasPassword", parse.GetValue(_hasPassword));
        filter.AddIfValue("denyDownload", parse.GetValue(_denyDownload));
        filter.AddIfValue("createdAfter", parse.GetValue(_createdAfter));
        filter.AddIfValue("createdBefore", parse.GetValue(_createdBefore));
        filter.AddIfValue("expiresAfter", parse.GetValue(_expiresAfter));
        filter.AddIfValue("expiresBefore", parse.GetValue(_expiresBefore));
        if (parse.GetValue(_search) is { Length: > 0 } search)
        {
            filter["q"] = search;
        }
        return filter;
    }

    /// <summary>The same filter as query parameters of GET /api/v1/links (several values comma-separated).</summary>
    public static string ToQuery(JsonObject parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            var text = value switch
            {
                JsonArray values => string.Join(",", values.Select(v => v!.GetValue<string>())),
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
                _ => value!.GetValue<string>(),
            };
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(text));
        }
        return query.ToString();
    }

    private static void Add(JsonObject filter, string name, string[]? values)
    {
        if (values is { Length: > 0 })
        {
            filter[name] = new JsonArray([.. values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)v)]);
        }
    }
}

internal static class JsonObjectExtensions
{
    public static void AddIfValue(this JsonObject json, string name, Guid? value)
    {
        if (value is { } given)
        {
            json[name] = given.ToString();
        }
    }

    public static void AddIfValue(this JsonObject json, string name, bool? value)
    {
        if (value is { } given)
        {
            json[name] = given;
        }
    }

    public static void AddIfValue(this JsonObject json, string name, DateTimeOffset? value)
    {
        if (value is { } given)
        {
            json[name] = given.ToString("O", CultureInfo.InvariantCulture);
        }
    }
}
