using Microsoft.AspNetCore.Diagnostics;
using Sharekeep.Core.Files;

namespace Sharekeep.Server.Errors;

/// <summary>
/// Turns unreadable requests into 4xx answers, an unreachable database into 503, and anything else into a 500 that
/// says nothing of the exception. Parameter binding throws for bad requests (RouteHandlerOptions.ThrowOnBadRequest),
/// so every 400 gets a body here. Logs name the route's template, never the path: paths carry share keys.
/// </summary>
internal sealed partial class ApiExceptionHandler(ApiErrorWriter errors, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            var (title, detail) = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("The request body is too large.", "Send a smaller body."),
                StatusCodes.Status408RequestTimeout => ("The request body stopped arriving.", "Nothing of it was kept; send it again."),
                _ => ("The request is not valid.", "The body must be JSON of the documented shape, and every parameter of the right type."),
            };
            await errors.WriteAsync(httpContext, bad.StatusCode, title, detail);
            return true;
        }
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        if (exception is ContentStorageException storage)
        {
            // The server's fault, and the client may try again later; the log has the path, the answer does not.
            LogStorageFault(logger, storage.InnerException?.Message ?? storage.Message);
            await errors.WriteAsync(
                httpContext,
                storage.OutOfSpace ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status503ServiceUnavailable,
                "The server cannot store files right now.",
                "Nothing was kept; try again later.");
            return true;
        }
        if (DatabaseUnavailable.Cause(exception) is { } cause)
        {
            // Not a bug but an outage (a restart, a failover), already retried: one line, no stack trace.
            LogDatabaseUnavailable(logger, httpContext.Request.Method, Route(httpContext), cause);
            await errors.WriteUnavailableAsync(httpContext, DatabaseUnavailable.RetryAfter);
            return true;
        }

        LogUnhandled(logger, exception, httpContext.Request.Method, Route(httpContext));
        await errors.WriteAsync(
            httpContext,
            StatusCodes.Status500InternalServerError,
            "An internal error occurred.",
            "The request could not be completed; the server log has the details.");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An upload could not be stored: {Fault}")]
    private static partial void LogStorageFault(ILogger logger, string fault);

    /// <summary>The failed endpoint's template: the middleware has already taken the endpoint off the context.</summary>
    private static string Route(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached answering {Method} {Route}; answered 503: {Cause}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string route, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error answering {Method} {Route}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string route);
}
