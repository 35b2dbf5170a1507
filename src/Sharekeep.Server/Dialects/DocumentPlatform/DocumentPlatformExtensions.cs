using Sharekeep.Server.OpenApi;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

internal static class DocumentPlatformExtensions
{
    /// <summary>
    /// The document platform's routes under /api/2.0, behind the API secret; the visitors' external share beside
    /// them, outside the secret's group (a visitor carries no credential, so there is nothing to authorize).
    /// </summary>
    public static IEndpointRouteBuilder MapDocumentPlatform(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(DocumentPlatformDialect.Prefix)
            .RequireAuthorization()
            .WithPlatformErrors();
        api.MapFilesSettings();
        api.MapPlatformFiles();
        api.MapFileLinks();
        routes.MapGroup(DocumentPlatformDialect.Prefix).WithPlatformErrors().MapExternalShare();
        return routes;
    }

    private static RouteGroupBuilder WithPlatformErrors(this RouteGroupBuilder group) =>
        group.ProducesError<PlatformError>(StatusCodes.Status400BadRequest)
            .ProducesError<PlatformError>(StatusCodes.Status401Unauthorized)
            .ProducesError<PlatformError>(StatusCodes.Status404NotFound)
            .ProducesError<PlatformError>(StatusCodes.Status500InternalServerError);
}
