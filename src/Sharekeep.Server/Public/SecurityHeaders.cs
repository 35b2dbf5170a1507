namespace Sharekeep.Server.Public;

/// <summary>The headers every HTML page carries: nothing loads from elsewhere, nothing frames it, nothing is sniffed.</summary>
internal static class SecurityHeaders
{
    /// <summary>Share pages: no script at all, styles and images from our origin only.</summary>
    public const string PublicPagePolicy =
        "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The admin console: also our own script (progressive enhancement only).</summary>
    public const string AdminPagePolicy =
        "default-src 'none'; script-src 'self'; img-src 'self'; style-src 'self'; form-action 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void ForPublicPage(HttpResponse response) => Apply(response, PublicPagePolicy);

    public static void ForAdminPage(HttpResponse response)
    {
        Apply(response, AdminPagePolicy);
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "same-origin";
    }

    private static void Apply(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
    }
}
