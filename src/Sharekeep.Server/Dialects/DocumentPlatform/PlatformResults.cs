using System.Collections;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>The platform's envelopes around Sharekeep's answers.</summary>
internal static class PlatformResults
{
    public static Ok<PlatformEnvelope<T>> Ok<T>(HttpContext context, T value) =>
        TypedResults.Ok(new PlatformEnvelope<T>(
            value,
            value switch
            {
                null => 0,
                ICollection collection => collection.Count,
                _ => 1,
            },
            [new PlatformLink(context.Request.GetDisplayUrl(), context.Request.Method)],
            EnvelopeStatus.Ok,
            StatusCodes.Status200OK));

    public static JsonHttpResult<PlatformError> Error(int statusCode, string message) =>
        TypedResults.Json(Body(statusCode, message), statusCode: statusCode);

    public static PlatformError Body(int statusCode, string message) => new(new PlatformErrorDetail(message), EnvelopeStatus.Error, statusCode);
}
