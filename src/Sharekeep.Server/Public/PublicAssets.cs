namespace Sharekeep.Server.Public;

/// <summary>
/// The pages' one stylesheet, compiled into the server so that it is there however the server is started, and
/// served from our origin (the pages load nothing from elsewhere and work offline).
/// </summary>
internal static class PublicAssets
{
    public const string StylesheetPath = "/assets/sharekeep.css";

    /// <summary>Read and encoded once: every page load asks for it, and it never changes while the server runs.</summary>
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(PublicAssets).Assembly.GetManifestResourceStream("Sharekeep.Server.Public.Assets.sharekeep.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded in the server.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });

    public static IEndpointRouteBuilder MapPublicAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(StylesheetPath, (HttpResponse response) =>
            {
                response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return routes;
    }
}
