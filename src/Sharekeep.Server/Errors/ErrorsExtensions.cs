using Microsoft.AspNetCore.Http.Json;

namespace Sharekeep.Server.Errors;

internal static class ErrorsExtensions
{
    public static WebApplicationBuilder AddApiErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ApiErrorWriter>();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.AllowTrailingCommas = false;
            // A body naming a field twice means one thing to a reader that keeps the first and another to one that
            // keeps the last ({"dryRun": true, "dryRun": false}): it is refused, not read either way.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        return builder;
    }

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Bad requests are the client's mistake, not the server's: no error-level log for them. A storage fault or
            // an unreachable database is logged once, in one line, by ApiExceptionHandler.
            SuppressDiagnosticsCallback = c =>
                c.Exception is BadHttpRequestException or Core.Files.ContentStorageException || DatabaseUnavailable.Is(c.Exception),
        });
        app.UseStatusCodePages(context => context.HttpContext.RequestServices.GetRequiredService<ApiErrorWriter>().WriteForStatusAsync(context.HttpContext));
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<RequestCharsetMiddleware>();
        return app;
    }
}
