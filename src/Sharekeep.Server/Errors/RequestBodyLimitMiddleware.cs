using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Errors;

/// <summary>
/// Refuses a declared oversized body before reading it, and caps undeclared (chunked) ones while they are read.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SharekeepOptions> options, ApiErrorWriter errors)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
        {
            await errors.WriteAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "The request body is too large.",
                $"This API reads at most {_limit} bytes.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }
        await next(context);
    }
}
