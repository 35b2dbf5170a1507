using System.Globalization;

namespace Sharekeep.Server.Public;

internal static class Sizes
{
    private static readonly string[] Units = ["KB", "MB", "GB", "TB"];

    /// <summary>1 536 000 bytes as "1.5 MB" (units of 1024, as file managers show them).</summary>
    public static string Human(long bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        }
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {Units[unit]}");
    }
}
