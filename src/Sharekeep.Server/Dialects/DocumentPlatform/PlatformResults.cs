using System.Collections;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>The platform's envelopes around Sharekeep's answers.</summary>
internal static class PlatformResults
{
    public static Ok<PlatformEnvelope<T>> Ok<T>(HttpContext context, T value) => TypedResults.Ok(Envelope(context, value));

    /// <summary>The envelope of a successful answer: it names the request, so it is made for every request.</summary>
    public static PlatformEnvelope<T> Envelope<T>(HttpContext context, T value) =>
        new(
            value,
            value switch
            {
                null => 0,
                ICollection collection => collection.Count,
                _ => 1,
            },
            [new PlatformLink(context.Request.GetDisplayUrl(), context.Request.Method)],
            EnvelopeStatus.Ok,
            StatusCodes.Status200OK);

    /// <summary>A page of a longer list: count is the page's, total the list's.</summary>
    public static Ok<PlatformEnvelope<IReadOnlyList<T>>> Page<T>(HttpContext context, IReadOnlyList<T> page, int total) =>
        TypedResults.Ok(Ok(context, page).Value! with { Total = total });

    public static JsonHttpResult<PlatformError> Error(int statusCode, string message) =>
        TypedResults.Json(Body(statusCode, message), statusCode: statusCode);

    public static PlatformError Body(int statusCode, string message) => new(new PlatformErrorDetail(message), EnvelopeStatus.Error, statusCode);
}
