namespace Sharekeep.Server.OpenApi;

internal static class GroupMetadataExtensions
{
    /// <summary>Declares, for every endpoint of a group, an error answer that OpenAPI should list.</summary>
    public static RouteGroupBuilder ProducesError<TError>(this RouteGroupBuilder group, int statusCode, string contentType = "application/json") =>
        group.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(TError), [contentType]));
}
