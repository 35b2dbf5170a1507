using System.Globalization;
using System.Text.Json;

namespace Sharekeep.Core.Resources;

/// <summary>
/// A report's data as a table a person can read: header, rows of text cells, and the numbers to chart.
/// Report data is free-form JSON; the usual shapes become tables (see <see cref="From"/>), anything else one cell.
/// The table is bounded whatever the data: at most <see cref="MaxRows"/> rows of <see cref="MaxColumns"/> cells of
/// <see cref="MaxCellChars"/> characters, and within a size budget; <see cref="TotalRows"/> and
/// <see cref="TotalColumns"/> say how much there was, so that a page can say what it leaves out.
/// </summary>
public sealed record ReportTable(
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    ReportChart? Chart,
    int TotalRows,
    int TotalColumns,
    bool CellsCut)
{
    /// <summary>Most rows shown; a report is a summary, not a data dump.</summary>
    public const int MaxRows = 500;

    /// <summary>Most columns shown: wider than this, nobody reads a table in a browser.</summary>
    public const int MaxColumns = 100;

    /// <summary>Longest cell (header or data) shown, in characters; a longer one is cut and ends in "…".</summary>
    public const int MaxCellChars = 300;

    /// <summary>
    /// The size budget of one table as the page will write it, in <see cref="TextCost"/> units (an upper bound on
    /// the bytes of its HTML). Rows stop where the next one would not fit.
    /// </summary>
    public const int MaxBytes = 1_500_000;

    /// <summary>Bytes of markup around each cell, at most (<c>&lt;th scope="col"&gt;&lt;/th&gt;</c>).</summary>
    internal const int CellMarkup = 21;

    /// <summary>Bytes of markup around each row (<c>&lt;tr&gt;&lt;/tr&gt;</c>).</summary>
    internal const int RowMarkup = 9;

    public bool RowsCut => Rows.Count < TotalRows;

    public bool ColumnsCut => Columns.Count < TotalColumns;

    /// <summary>
    /// Understands <c>{"columns": [...], "rows": [[...]]}</c>, an array of objects (columns from their
    /// properties), an array of arrays, an array of values, an object (name and value per row), and a single value.
    /// Only what is shown is read into cells: the work beyond the caps is counting, never building.
    /// </summary>
    /// <param name="dataJson">The report's data.</param>
    /// <param name="budget">The size budget (see <see cref="MaxBytes"/>); a dashboard shares one page among its reports.</param>
    public static ReportTable From(string dataJson, int budget = MaxBytes)
    {
        using var document = JsonDocument.Parse(dataJson);
        var root = document.RootElement;
        var shape = root switch
        {
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("rows", out var r) && r.ValueKind == JsonValueKind.Array =>
                root.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array
                    ? Shape.OfArrays(r, [.. c.EnumerateArray().Take(MaxColumns).Select(Text)], c.GetArrayLength())
                    : Shape.OfArrays(r, [], 0),
            { ValueKind: JsonValueKind.Array } when root.GetArrayLength() > 0 && root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object) =>
                Shape.OfObjects(root),
            { ValueKind: JsonValueKind.Array } => Shape.OfArrays(root, [], 0),
            { ValueKind: JsonValueKind.Object } => Shape.OfProperties(root),
            _ => new Shape(["Value"], 1, 1, [[root]]),
        };
        return shape.ToTable(Math.Max(0, budget));
    }

    /// <summary>
    /// An upper bound on the bytes a page writes for <paramref name="text"/>: a page escapes markup characters and
    /// everything beyond ASCII, and no escape of one UTF-16 unit is longer than 8 bytes (<c>&amp;#xFFFF;</c>).
    /// </summary>
    public static int TextCost(string text)
    {
        var cost = 0;
        foreach (var c in text)
        {
            cost += c is >= ' ' and < (char)0x7F and not ('<' or '>' or '&' or '"' or '\'' or '+' or '`') ? 1 : 8;
        }
        return cost;
    }

    internal static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    /// <summary>The data's cells as JSON elements, already cut to the caps, with the full counts beside them.</summary>
    private sealed record Shape(IReadOnlyList<string> Header, int TotalRows, int TotalColumns, List<JsonElement[]> Cells)
    {
        /// <summary>Rows that are arrays (or single values); a header of its own, numbered columns for the rest.</summary>
        public static Shape OfArrays(JsonElement array, List<string> header, int headerColumns)
        {
            var width = headerColumns;
            foreach (var row in array.EnumerateArray())
            {
                width = Math.Max(width, row.ValueKind == JsonValueKind.Array ? row.GetArrayLength() : 1);
            }
            var shown = Math.Min(width, MaxColumns);
            header.AddRange(Enumerable.Range(header.Count + 1, Math.Max(0, shown - header.Count)).Select(i => $"Column {i}"));
            var cells = array.EnumerateArray().Take(MaxRows)
                .Select(row => row.ValueKind == JsonValueKind.Array ? [.. row.EnumerateArray().Take(shown)] : new[] { row })
                .ToList();
            return new Shape(header, array.GetArrayLength(), width, cells);
        }

        /// <summary>
        /// An array of objects: a column per property name, in order of first appearance. Every object's names are
        /// counted (so the page can say how many columns there are), but only the shown rows are read into cells,
        /// each object once (a lookup per column would scan a wide object once per column).
        /// </summary>
        public static Shape OfObjects(JsonElement array)
        {
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in array.EnumerateArray())
            {
                foreach (var property in item.EnumerateObject())
                {
                    names.TryAdd(property.Name, names.Count);
                }
            }
            var header = names.Where(n => n.Value < MaxColumns).OrderBy(n => n.Value).Select(n => n.Key).ToList();
            var cells = new List<JsonElement[]>();
            foreach (var item in array.EnumerateArray().Take(MaxRows))
            {
                var row = new JsonElement[header.Count];
                foreach (var property in item.EnumerateObject())
                {
                    // The last of repeated names wins, as it does when the data is read as an object.
                    if (names.TryGetValue(property.Name, out var column) && column < row.Length)
                    {
                        row[column] = property.Value;
                    }
                }
                cells.Add(row);
            }
            return new Shape(header, array.GetArrayLength(), names.Count, cells);
        }

        /// <summary>An object: a row per property, its name and its value.</summary>
        public static Shape OfProperties(JsonElement value)
        {
            var cells = new List<JsonElement[]>();
            var total = 0;
            foreach (var property in value.EnumerateObject())
            {
                if (total++ < MaxRows)
                {
                    cells.Add([StringElement(property.Name), property.Value]);
                }
            }
            return new Shape(["Name", "Value"], total, 2, cells);
        }

        public ReportTable ToTable(int budget)
        {
            var cut = false;
            string Cell(string text)
            {
                if (text.Length <= MaxCellChars)
                {
                    return text;
                }
                cut = true;
                // Never split a surrogate pair: half of one cannot be written out.
                var end = char.IsHighSurrogate(text[MaxCellChars - 2]) ? MaxCellChars - 2 : MaxCellChars - 1;
                return string.Concat(text.AsSpan(0, end), "…");
            }

            var header = Header.Select(Cell).ToList();
            var chart = ReportChart.From(header, Cells, budget / 4);
            var left = budget - (chart?.Cost ?? 0) - RowMarkup - header.Sum(h => CellMarkup + TextCost(h));
            var rows = new List<IReadOnlyList<string>>(Math.Min(Cells.Count, 64));
            foreach (var elements in Cells)
            {
                var row = Enumerable.Range(0, header.Count).Select(i => i < elements.Length ? Cell(Text(elements[i])) : "").ToArray();
                left -= RowMarkup + row.Sum(c => CellMarkup + TextCost(c));
                if (left < 0)
                {
                    break;
                }
                rows.Add(row);
            }
            return new ReportTable(header, rows, chart, TotalRows, TotalColumns, cut);
        }

        private static JsonElement StringElement(string text)
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(text));
            return document.RootElement.Clone();
        }
    }
}

/// <summary>One series to draw as bars: a label per row and its number.</summary>
public sealed record ReportChart(string Title, IReadOnlyList<ReportBar> Bars, int TotalBars)
{
    public const int MaxBars = 50;

    /// <summary>Longest bar label drawn, in characters.</summary>
    public const int MaxLabelChars = 14;

    /// <summary>Bytes one bar takes on the page at most (its label escaped at worst, its shapes and its number).</summary>
    internal const int BarCost = 300 + (MaxLabelChars * 8);

    /// <summary>Bytes the chart takes on the page at most: its frame, its title twice, and its bars.</summary>
    internal int Cost => 300 + (2 * ReportTable.TextCost(Title)) + (Bars.Count * BarCost);

    /// <summary>
    /// The first column holding only finite numbers becomes the bars; the first other column labels them. No chart
    /// when no column is numeric, there is only one row, or not even two bars fit in <paramref name="budget"/>.
    /// </summary>
    internal static ReportChart? From(IReadOnlyList<string> columns, IReadOnlyList<JsonElement[]> rows, int budget)
    {
        var bars = Math.Min(Math.Min(MaxBars, rows.Count), (budget - 300 - (4 * ReportTable.MaxCellChars * 8)) / BarCost);
        if (rows.Count < 2 || bars < 2)
        {
            return null;
        }
        var width = columns.Count;
        var numeric = Enumerable.Range(0, width).FirstOrDefault(i => rows.All(r => i < r.Length && IsFinite(r[i])), -1);
        if (numeric < 0)
        {
            return null;
        }
        var label = Enumerable.Range(0, width).FirstOrDefault(i => i != numeric, -1);
        var drawn = rows.Take(bars)
            .Select((r, index) => new ReportBar(
                label >= 0 && label < r.Length ? Clip(ReportTable.Text(r[label])) : (index + 1).ToString(CultureInfo.InvariantCulture),
                r[numeric].GetDouble()))
            .ToList();
        var valueName = columns[numeric];
        var title = label >= 0 ? $"{valueName} by {columns[label]}" : valueName;
        return new ReportChart(title, drawn, rows.Count);
    }

    // A number too large for a double (1e999) reads as infinity, which no bar can be drawn to.
    private static bool IsFinite(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number);

    private static string Clip(string label) =>
        label.Length <= MaxLabelChars ? label : string.Concat(label.AsSpan(0, char.IsHighSurrogate(label[MaxLabelChars - 2]) ? MaxLabelChars - 2 : MaxLabelChars - 1), "…");
}

public sealed record ReportBar(string Label, double Value);
