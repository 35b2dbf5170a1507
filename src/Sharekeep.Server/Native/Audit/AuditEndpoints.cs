using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Audit;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Audit;

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/audit").WithTags("Audit").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", ListAsync)
            .WithName("GetAudit")
            .WithSummary("Administrators' actions, newest first: who did what to which records, when; filtered and paged.");
        group.MapGet("/export", Export)
            .LimitAsHeavy()
            .WithName("ExportAudit")
            .WithSummary("Every matching entry, oldest first, as CSV or JSON lines, streamed.")
            .Produces(StatusCodes.Status200OK, contentType: AuditExport.CsvType)
            .Produces(StatusCodes.Status200OK, contentType: AuditExport.JsonLinesType);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] AuditFilterParameters parameters, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!AuditParameters.TryRead(parameters, paged: true, out var query, out var error))
        {
            return NativeProblems.BadRequest(error);
        }
        var entries = await audit.ListAsync(query, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AuditEntryResponse>>(entries.Select(AuditEntryResponse.Of).ToList());
    }

    private static Results<PushStreamHttpResult, ProblemHttpResult> Export(
        [AsParameters] AuditFilterParameters parameters, string? format, AuditLog audit, HttpContext context)
    {
        if (!AuditExport.TryFormat(format, out var exportFormat))
        {
            return NativeProblems.BadRequest("format is csv or jsonl.");
        }
        if (!AuditParameters.TryRead(parameters, paged: false, out var query, out var error))
        {
            return NativeProblems.BadRequest(error);
        }
        return AuditExport.Stream(exportFormat, audit.ReadAllAsync(query, context.RequestAborted), context);
    }
}
