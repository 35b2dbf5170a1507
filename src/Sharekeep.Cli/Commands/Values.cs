using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Sharekeep.Cli.Commands;

/// <summary>Option kinds the commands share, parsed the same way everywhere (and never by the machine's culture).</summary>
internal static class Values
{
    /// <summary>
    /// A date-time: ISO 8601 with an offset (2027-01-31T12:00:00+01:00), or without one in UTC; a date alone is that
    /// day's midnight, UTC.
    /// </summary>
    public static Option<DateTimeOffset?> Date(string name, string description) => new(name)
    {
        Description = description + " ISO 8601; UTC unless it names an offset.",
        HelpName = "DATE",
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }
            result.AddError($"{NameOf(result)}: '{token}' is not a date (2027-01-31 or 2027-01-31T12:00:00+01:00).");
            return null;
        },
    };

    /// <summary>A record's id (a GUID), refused naming the option rather than a .NET type.</summary>
    public static Option<Guid?> Id(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "ID",
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (Guid.TryParse(token, out var id))
            {
                return id;
            }
            result.AddError($"{NameOf(result)}: '{token}' is not an id (a GUID such as 01a23375-00c7-72a2-bf62-2a4a6004857d).");
            return null;
        },
    };

    /// <summary>true or false, spelled out: a bare flag could not say "links without a password".</summary>
    public static Option<bool?> Boolean(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "true|false",
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (bool.TryParse(token, out var value))
            {
                return value;
            }
            result.AddError($"{NameOf(result)}: '{token}' is not true or false.");
            return null;
        },
    };

    /// <summary>One or more of <paramref name="allowed"/>, repeated or comma-separated (--kind report,file).</summary>
    public static Option<string[]> OneOrMore(string name, string description, params string[] allowed)
    {
        var option = new Option<string[]>(name)
        {
            Description = $"{description} ({string.Join(", ", allowed)}; several comma-separated or repeated).",
            HelpName = string.Join("|", allowed),
            CustomParser = result => [.. result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!allowed.Contains(value, StringComparer.Ordinal))
                {
                    result.AddError($"{name}: '{value}' is not one of {string.Join(", ", allowed)}.");
                }
            }
        });
        return option;
    }

    public static bool Given(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static string NameOf(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? "A value";
}
