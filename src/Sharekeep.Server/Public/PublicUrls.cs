using Microsoft.Extensions.Options;
using Sharekeep.Core.Resources;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Public;

/// <summary>The public addresses visitors are given.</summary>
internal static class PublicUrls
{
    public static string FilePagePath(string key) => $"/s/{Uri.EscapeDataString(key)}";

    public static string FileContentPath(string key, bool inline = false) =>
        FilePagePath(key) + (inline ? "/content?disposition=inline" : "/content");

    public static string SharePagePath(ResourceKind kind, string shareKey) =>
        (kind == ResourceKind.Report ? ReportPages.ReportPathPrefix : ReportPages.DashboardPathPrefix) + Uri.EscapeDataString(shareKey);

    public static string SharePage(HttpRequest request, ResourceKind kind, string shareKey) => BaseOf(request) + SharePagePath(kind, shareKey);

    public static string FilePage(HttpRequest request, string key) => BaseOf(request) + FilePagePath(key);

    /// <summary>
    /// Sharekeep:PublicBaseUrl when it is set: a Host header is whatever the client says, and a link handed out must
    /// not point wherever that is. Otherwise the scheme and host the caller used (behind a proxy, set the base).
    /// </summary>
    public static string BaseOf(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<SharekeepOptions>>().Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>An absolute http(s) address with no query, fragment or user name: what a base of links may be.</summary>
    public static bool IsUsableBase(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0;
}
