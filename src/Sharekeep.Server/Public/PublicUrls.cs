namespace Sharekeep.Server.Public;

/// <summary>The public addresses visitors are given.</summary>
internal static class PublicUrls
{
    public static string FilePagePath(string key) => $"/s/{Uri.EscapeDataString(key)}";

    public static string FileContentPath(string key, bool inline = false) =>
        FilePagePath(key) + (inline ? "/content?disposition=inline" : "/content");

    /// <summary>Absolute, on the host and scheme the caller used (behind a proxy, configure forwarded headers).</summary>
    public static string FilePage(HttpRequest request, string key) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{FilePagePath(key)}";
}
