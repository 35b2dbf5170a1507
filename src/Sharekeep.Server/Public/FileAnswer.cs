using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Server.Public;

/// <summary>A file's bytes: sent by Kestrel (ranges and conditions by the framework), or handed to nginx to send.</summary>
internal sealed class FileAnswer : IResult
{
    private readonly FileStreamHttpResult? _sent;
    private readonly Stream? _unused;
    private readonly string? _target;
    private readonly string? _contentType;
    private readonly string? _disposition;

    private FileAnswer(FileStreamHttpResult sent) => _sent = sent;

    private FileAnswer(Stream unused, string target, string contentType, string disposition)
    {
        _unused = unused;
        _target = target;
        _contentType = contentType;
        _disposition = disposition;
    }

    public static FileAnswer Sent(FileStreamHttpResult result) => new(result);

    /// <summary>
    /// nginx sends the bytes from <paramref name="target"/>, answering ranges and conditional requests itself; it
    /// keeps the type and disposition given here, and the security headers through its location's add_header lines
    /// (decision 24). The file was opened to know it is there; nginx opens it again.
    /// </summary>
    public static FileAnswer Offloaded(Stream unused, string target, string contentType, string disposition) =>
        new(unused, target, contentType, disposition);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (_sent is not null)
        {
            await _sent.ExecuteAsync(httpContext);
            var sent = httpContext.Response;
            if (sent.StatusCode is StatusCodes.Status200OK or StatusCodes.Status206PartialContent && !HttpMethods.IsHead(httpContext.Request.Method))
            {
                Metrics(httpContext).Served(sent.ContentLength ?? 0);
            }
            return;
        }
        Metrics(httpContext).Served(_unused!.CanSeek ? _unused.Length : 0);
        await _unused.DisposeAsync();
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = _contentType;
        response.Headers.ContentDisposition = _disposition;
        response.Headers[DownloadOffload.ResponseHeader] = _target;
        response.ContentLength = 0;
    }

    private static SharekeepMetrics Metrics(HttpContext context) => context.RequestServices.GetRequiredService<SharekeepMetrics>();
}
