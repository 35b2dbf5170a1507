using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharekeep.Cli.Output;

/// <summary>
/// Standard output: for people, lines and tables; with --json, exactly one JSON document (the server's answer as it
/// came, or a document the command puts together), and nothing else, so a script can parse all of it.
/// </summary>
internal sealed class Printer(TextWriter output, bool json)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public bool Json { get; } = json;

    public TextWriter Output { get; } = output;

    /// <summary>Writes the document in --json mode; otherwise lets <paramref name="forPeople"/> write.</summary>
    public void Write(JsonElement document, Action forPeople) => Write((object)document, forPeople);

    public void Write(JsonNode document, Action forPeople) => Write((object)document, forPeople);

    /// <summary>
    /// One JSON value on one line: what --json --follow writes per entry (JSON Lines). Written anew, not as received:
    /// the server's text may hold line breaks between tokens, and C1 controls or direction overrides inside strings
    /// (JSON allows both unescaped), which the serializer escapes.
    /// </summary>
    public void WriteJsonLine(JsonElement value) => Output.WriteLine(JsonSerializer.Serialize(value));

    public void Line(string text) => Output.WriteLine(TerminalText.Safe(text));

    /// <summary>Names and values, one pair a line, the values lined up.</summary>
    public void Pairs(IEnumerable<IReadOnlyList<string?>> pairs) => TextTable.Write(Output, null, pairs);

    /// <summary>Rows under their headers; without headers, rows only (a further page of a table already headed).</summary>
    public void Table(IReadOnlyList<string>? headers, IEnumerable<IReadOnlyList<string?>> rows) => TextTable.Write(Output, headers, rows);

    private void Write(object document, Action forPeople)
    {
        if (Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(document, Indented));
            return;
        }
        forPeople();
    }

    /// <summary>A time as people read it: UTC, to the second.</summary>
    public static string Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "";
}
