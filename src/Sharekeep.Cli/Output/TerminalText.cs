using System.Globalization;
using System.Text;

namespace Sharekeep.Cli.Output;

/// <summary>
/// Text from the server made safe for a terminal: control and invisible formatting characters (an escape sequence
/// that recolours, moves the cursor or plants a hyperlink; a direction override) are shown as \uXXXX, so what is on
/// screen is what the server sent. The server refuses such names today; older rows, or a server that is not what it
/// seems, are why the tool does not rely on it. --json output is JSON-escaped already.
/// </summary>
internal static class TerminalText
{
    /// <param name="lines">Keep line breaks (a message the tool itself laid out over several lines).</param>
    public static string Safe(string text, bool lines = false)
    {
        if (!text.Any(c => Unsafe(c, lines)))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            safe.Append(Unsafe(c, lines) ? $"\\u{(int)c:x4}" : c);
        }
        return safe.ToString();
    }

    private static bool Unsafe(char c, bool lines) =>
        (char.IsControl(c) && !(lines && c is '\n' or '\r')) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
