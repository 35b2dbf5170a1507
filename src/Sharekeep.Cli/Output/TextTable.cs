namespace Sharekeep.Cli.Output;

/// <summary>Columns padded to their widest cell, a header and a rule under it; no borders to get in a pager's way.</summary>
internal static class TextTable
{
    /// <summary>The rows under <paramref name="headers"/>, or without a header when there are none (name/value pairs).</summary>
    public static void Write(TextWriter output, IReadOnlyList<string>? headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var cells = rows.Select(row => row.Select(cell => TerminalText.Safe(cell ?? "")).ToArray()).ToList();
        var columns = headers?.Count ?? (cells.Count == 0 ? 0 : cells[0].Length);
        var widths = Enumerable.Range(0, columns)
            .Select(column => Math.Max(headers?[column].Length ?? 0, cells.Count == 0 ? 0 : cells.Max(row => row[column].Length)))
            .ToArray();
        if (headers is not null)
        {
            WriteRow(output, headers, widths);
            WriteRow(output, widths.Select(width => new string('-', width)).ToArray(), widths);
        }
        foreach (var row in cells)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> row, int[] widths)
    {
        // The last column is not padded: no trailing blanks.
        var padded = row.Select((cell, column) => column == row.Count - 1 ? cell : cell.PadRight(widths[column]));
        output.WriteLine(string.Join("  ", padded));
    }
}
