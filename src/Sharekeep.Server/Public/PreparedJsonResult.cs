using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sharekeep.Server.Public;

/// <summary>
/// A 200 whose body is JSON already written (<see cref="PreparedJson"/>): the bytes go out as they are, with their
/// length. OpenAPI and the typed result unions know it as a <typeparamref name="TDescribed"/>, the shape the bytes hold.
/// </summary>
internal sealed class PreparedJsonResult<TDescribed>(PreparedJson json) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private const string ContentType = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = json.Utf8.Length;
        await response.BodyWriter.WriteAsync(json.Utf8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TDescribed), ["application/json"]));
}
