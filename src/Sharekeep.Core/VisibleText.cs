using System.Globalization;

namespace Sharekeep.Core;

/// <summary>
/// Names and titles are shown to people who decide by reading them, so they may not carry characters that change
/// what is seen without being seen: bidirectional overrides and isolates ("invoice‮fdp.exe"), zero-width spaces,
/// soft hyphens, tag characters. The zero-width joiners that scripts and emoji need are allowed.
/// </summary>
public static class VisibleText
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>Control characters (a newline in a name, a NUL) or hidden formatting: either makes a name unfit to show.</summary>
    public static bool HasControlOrHiddenFormatting(string text) => text.Any(char.IsControl) || HasHiddenFormatting(text);

    public static bool HasHiddenFormatting(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not (ZeroWidthNonJoiner or ZeroWidthJoiner)
                && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
            {
                return true;
            }
        }
        return false;
    }
}
