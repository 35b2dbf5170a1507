using Sharekeep.Core.Resources;

namespace Sharekeep.Server.Public;

/// <summary>The public addresses visitors are given.</summary>
internal static class PublicUrls
{
    public static string FilePagePath(string key) => $"/s/{Uri.EscapeDataString(key)}";

    public static string FileContentPath(string key, bool inline = false) =>
        FilePagePath(key) + (inline ? "/content?disposition=inline" : "/content");

    public static string SharePagePath(ResourceKind kind, string shareId) =>
        (kind == ResourceKind.Report ? ReportPages.ReportPathPrefix : ReportPages.DashboardPathPrefix) + Uri.EscapeDataString(shareId);

    public static string SharePage(HttpRequest request, ResourceKind kind, string shareId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{SharePagePath(kind, shareId)}";

    /// <summary>Absolute, on the host and scheme the caller used (behind a proxy, configure forwarded headers).</summary>
    public static string FilePage(HttpRequest request, string key) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{FilePagePath(key)}";
}
