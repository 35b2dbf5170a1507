using Sharekeep.Server.OpenApi;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

internal static class DocumentPlatformExtensions
{
    /// <summary>The document platform's routes under /api/2.0, behind the API secret unless a route says otherwise.</summary>
    public static IEndpointRouteBuilder MapDocumentPlatform(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(DocumentPlatformDialect.Prefix)
            .RequireAuthorization()
            .ProducesError<PlatformError>(StatusCodes.Status400BadRequest)
            .ProducesError<PlatformError>(StatusCodes.Status401Unauthorized)
            .ProducesError<PlatformError>(StatusCodes.Status404NotFound)
            .ProducesError<PlatformError>(StatusCodes.Status500InternalServerError);
        api.MapFilesSettings();
        api.MapPlatformFiles();
        api.MapFileLinks();
        api.MapExternalShare();
        return routes;
    }
}
