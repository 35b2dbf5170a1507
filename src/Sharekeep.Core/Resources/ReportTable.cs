using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sharekeep.Core.Resources;

/// <summary>
/// A report's data as a table a person can read: header, rows of text cells, and the numbers to chart.
/// Report data is free-form JSON; the usual shapes become tables (see <see cref="From"/>), anything else one cell.
/// </summary>
public sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, ReportChart? Chart)
{
    /// <summary>Most rows shown; a report is a summary, not a data dump.</summary>
    public const int MaxRows = 500;

    // Built once per report instance: a cached report is shared by every request that opens its share, and its
    // table lives exactly as long as the cached report does.
    private static readonly ConditionalWeakTable<Report, ReportTable> Tables = [];

    /// <summary>The report's table, built on first use and kept for as long as this report instance lives.</summary>
    public static ReportTable Of(Report report) => Tables.GetValue(report, r => From(r.DataJson));

    /// <summary>
    /// Understands <c>{"columns": [...], "rows": [[...]]}</c>, an array of objects (columns from their
    /// properties), an array of arrays, an array of values, an object (name and value per row), and a single value.
    /// </summary>
    public static ReportTable From(string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        var root = document.RootElement;
        var (columns, rows) = root switch
        {
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("rows", out var r) && r.ValueKind == JsonValueKind.Array =>
                (root.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array
                    ? c.EnumerateArray().Select(Text).ToList()
                    : [], RowsOf(r)),
            { ValueKind: JsonValueKind.Array } when root.EnumerateArray().Any() && root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object) =>
                ObjectRows(root),
            { ValueKind: JsonValueKind.Array } => ([], RowsOf(root)),
            { ValueKind: JsonValueKind.Object } =>
                (["Name", "Value"], root.EnumerateObject().Take(MaxRows).Select(p => (IReadOnlyList<JsonElement>)[StringElement(p.Name), p.Value.Clone()]).ToList()),
            _ => (["Value"], [[root.Clone()]]),
        };
        var width = Math.Max(columns.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        var header = columns.Concat(Enumerable.Range(columns.Count + 1, Math.Max(0, width - columns.Count)).Select(i => $"Column {i}")).ToList();
        var cells = rows.Select(r => (IReadOnlyList<string>)Enumerable.Range(0, width).Select(i => i < r.Count ? Text(r[i]) : "").ToList()).ToList();
        return new ReportTable(header, cells, ReportChart.From(header, rows));
    }

    private static List<IReadOnlyList<JsonElement>> RowsOf(JsonElement array) =>
        array.EnumerateArray().Take(MaxRows)
            .Select(row => row.ValueKind == JsonValueKind.Array
                ? (IReadOnlyList<JsonElement>)row.EnumerateArray().Select(e => e.Clone()).ToList()
                : [row.Clone()])
            .ToList();

    private static (List<string>, List<IReadOnlyList<JsonElement>>) ObjectRows(JsonElement array)
    {
        var columns = array.EnumerateArray().SelectMany(o => o.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        var rows = array.EnumerateArray().Take(MaxRows)
            .Select(o => (IReadOnlyList<JsonElement>)columns.Select(c => o.TryGetProperty(c, out var v) ? v.Clone() : default).ToList())
            .ToList();
        return (columns, rows);
    }

    private static JsonElement StringElement(string text) => JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();

    internal static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };
}

/// <summary>One series to draw as bars: a label per row and its number.</summary>
public sealed record ReportChart(string Title, IReadOnlyList<ReportBar> Bars)
{
    public const int MaxBars = 50;

    /// <summary>
    /// The first column holding only numbers becomes the bars; the first other column labels them. No chart when
    /// no column is numeric, or there is only one row.
    /// </summary>
    internal static ReportChart? From(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<JsonElement>> rows)
    {
        if (rows.Count < 2)
        {
            return null;
        }
        var width = rows.Max(r => r.Count);
        var numeric = Enumerable.Range(0, width).FirstOrDefault(i => rows.All(r => i < r.Count && r[i].ValueKind == JsonValueKind.Number), -1);
        if (numeric < 0)
        {
            return null;
        }
        var label = Enumerable.Range(0, width).FirstOrDefault(i => i != numeric, -1);
        var bars = rows.Take(MaxBars)
            .Select((r, index) => new ReportBar(
                label >= 0 && label < r.Count ? ReportTable.Text(r[label]) : (index + 1).ToString(CultureInfo.InvariantCulture),
                r[numeric].GetDouble()))
            .ToList();
        var valueName = numeric < columns.Count ? columns[numeric] : $"Column {numeric + 1}";
        var title = label >= 0 && label < columns.Count ? $"{valueName} by {columns[label]}" : valueName;
        return new ReportChart(title, bars);
    }
}

public sealed record ReportBar(string Label, double Value);
