using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Errors;

/// <summary>
/// Refuses a declared oversized body before reading it, caps undeclared (chunked) ones while they are read, and
/// abandons any body that stops arriving (<see cref="BodyIdleLimit"/>). The size limit is the JSON APIs' unless the
/// endpoint declares its own (uploads do).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SharekeepOptions> options, ApiErrorWriter errors)
{
    /// <summary>Room for the framing of a chunked body sent in small chunks.</summary>
    private const long FramingAllowance = 4096;

    private readonly long _defaultLimit = options.Value.MaxRequestBodyBytes;
    private readonly TimeSpan _idle = TimeSpan.FromSeconds(options.Value.RequestBodyIdleSeconds);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            // No body will come (a visitor's GET, most of them): nothing to limit, and no need to look up the endpoint.
            await next(context);
            return;
        }
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _defaultLimit;
        if (context.Request.ContentLength > limit)
        {
            await errors.WriteAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "The request body is too large.",
                $"This endpoint reads at most {limit} bytes.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            if (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0)
            {
                // HTTP/1.1 chunked: Kestrel counts the framing (chunk sizes, line ends) against its limit, which would
                // refuse a body some bytes short of ours. It keeps a looser bound on the raw bytes; the body itself is
                // counted here.
                feature.MaxRequestBodySize = limit + (limit / 8) + FramingAllowance;
                context.Request.Body = new BodyLengthLimit(context.Request.Body, limit);
            }
            else
            {
                feature.MaxRequestBodySize = limit;
            }
        }
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Request.Body = new BodyIdleLimit(context.Request.Body, _idle, context.RequestAborted);
        }
        await next(context);
    }
}

/// <summary>An endpoint's own body limit.</summary>
internal sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
