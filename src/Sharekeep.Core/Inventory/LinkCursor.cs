using System.Globalization;

namespace Sharekeep.Core.Inventory;

/// <summary>
/// A position written as text: "sort|ticks or -|table|key". The server seals it before handing it out (it holds a
/// link's key), so this form is never seen by a client.
/// </summary>
public static class LinkCursor
{
    private const string Version = "1";

    public static string Write(LinkPosition position) => string.Join(
        '|',
        Version,
        ((int)position.Sort).ToString(CultureInfo.InvariantCulture),
        position.Value is { } value ? value.UtcTicks.ToString(CultureInfo.InvariantCulture) : "-",
        ((int)position.Table).ToString(CultureInfo.InvariantCulture),
        position.Key);

    /// <summary>The position, or null when the text is not one or was made for another sort.</summary>
    public static LinkPosition? Read(string text, LinkSort sort)
    {
        var parts = text.Split('|');
        if (parts.Length != 5 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var written) || written != (int)sort
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var table) || !Enum.IsDefined((LinkTable)table)
            || parts[4].Length is 0 or > 64)
        {
            return null;
        }
        DateTimeOffset? value = null;
        if (parts[2] != "-")
        {
            if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return null;
            }
            value = new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        else if (!LinkOrder.IsByExpiry(sort))
        {
            return null;
        }
        return new LinkPosition(sort, value, (LinkTable)table, parts[4]);
    }
}
