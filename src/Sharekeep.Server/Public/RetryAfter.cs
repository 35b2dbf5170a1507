using System.Globalization;

namespace Sharekeep.Server.Public;

internal static class RetryAfter
{
    /// <summary>The Retry-After header's whole seconds, rounded up, never 0 (which would invite an instant retry).</summary>
    public static string Seconds(TimeSpan wait) =>
        ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
}
