using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sharekeep.Server.Admin;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Dialects.ReportingTool;
using Sharekeep.Server.Pages;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Errors;

/// <summary>
/// The one place error bodies are written: each dialect's envelope under its paths, RFC 9457
/// problem details everywhere else. Messages are always ours, never exception text.
/// </summary>
internal sealed class ApiErrorWriter(IProblemDetailsService problemDetails)
{
    public async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (DocumentPlatformDialect.Owns(context.Request.Path))
        {
            await context.Response.WriteAsJsonAsync(PlatformResults.Body(status, detail), context.RequestAborted);
            return;
        }
        if (ReportingToolDialect.Owns(context.Request.Path))
        {
            await context.Response.WriteAsJsonAsync(
                new ReportingToolError(ReportingToolDialect.ErrorCodeFor(status), title, detail),
                context.RequestAborted);
            return;
        }
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The client's Accept names no JSON type, so the framework's writer declines: an error still has a body.
            await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
        }
    }

    /// <summary>
    /// 503 with Retry-After while the database cannot be reached: in the API's envelope, or for a browser on the
    /// visitors' and the console's pages a page that says to try again (the headers those pages carry were cleared
    /// with the failed answer, so the strictest set is put back).
    /// </summary>
    public async Task WriteUnavailableAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = RetryAfter.Seconds(retryAfter);
        if (!IsPage(context.Request.Path))
        {
            await WriteAsync(
                context,
                StatusCodes.Status503ServiceUnavailable,
                "The database cannot be reached right now.",
                "The request was not completed; send it again after the time in Retry-After.");
            return;
        }
        HeaderPolicy.KeyInUrl.ApplyTo(context.Response);
        HeaderPolicy.SharedPage.ApplyTo(context.Response);
        await new RazorComponentResult<UnavailablePage> { StatusCode = StatusCodes.Status503ServiceUnavailable }.ExecuteAsync(context);
    }

    private static bool IsPage(PathString path) =>
        path.StartsWithSegments("/s", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ReportPages.ReportPathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ReportPages.DashboardPathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AdminEndpoints.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>A body for answers that have none yet: unknown routes, wrong methods.</summary>
    public Task WriteForStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found.", "Nothing is at this address."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed.", "This address does not take that HTTP method."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type.", "This endpoint does not take a body of that type: the JSON APIs take application/json, uploads multipart/form-data."),
            _ => ("The request failed.", $"The server answered {status}."),
        };
        return WriteAsync(context, status, title, detail);
    }
}
