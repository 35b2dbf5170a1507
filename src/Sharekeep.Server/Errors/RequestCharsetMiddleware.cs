using Microsoft.Net.Http.Headers;

namespace Sharekeep.Server.Errors;

/// <summary>
/// Refuses a body whose Content-Type names a charset no reader here knows (415), before any reader meets it:
/// the framework's JSON reader throws a plain InvalidOperationException for one, which would be a 500.
/// </summary>
internal sealed class RequestCharsetMiddleware(RequestDelegate next, ApiErrorWriter errors)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            && mediaType.Charset.HasValue
            && !IsReadable(mediaType))
        {
            await errors.WriteAsync(
                context,
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type.",
                "The body's charset is not one this server reads; send UTF-8.");
            return;
        }
        await next(context);
    }

    private static bool IsReadable(MediaTypeHeaderValue mediaType)
    {
        try
        {
            return mediaType.Encoding is not null;
        }
        catch (NotSupportedException)
        {
            // UTF-7 is a charset .NET knows but has disabled: asking for it throws rather than answering null.
            return false;
        }
    }
}
