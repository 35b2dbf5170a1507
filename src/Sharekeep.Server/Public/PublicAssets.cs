namespace Sharekeep.Server.Public;

/// <summary>
/// The pages' one stylesheet, compiled into the server so that it is there however the server is started, and
/// served from our origin (the pages load nothing from elsewhere and work offline).
/// </summary>
internal static class PublicAssets
{
    public const string StylesheetPath = "/assets/sharekeep.css";

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(PublicAssets).Assembly.GetManifestResourceStream("Sharekeep.Server.Public.Assets.sharekeep.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded in the server.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapPublicAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(StylesheetPath, (HttpResponse response) =>
            {
                response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Text(Stylesheet.Value, "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return routes;
    }
}
