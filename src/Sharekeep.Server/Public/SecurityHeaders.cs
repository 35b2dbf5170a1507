namespace Sharekeep.Server.Public;

/// <summary>The headers every HTML page carries: nothing loads from elsewhere, nothing frames it, nothing is sniffed.</summary>
internal static class SecurityHeaders
{
    /// <summary>No script at all (the pages need none), styles and images from our origin only, never framed.</summary>
    public const string PagePolicy =
        "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void ForPublicPage(HttpResponse response) => Apply(response, PagePolicy);

    public static void ForAdminPage(HttpResponse response)
    {
        Apply(response, PagePolicy);
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
