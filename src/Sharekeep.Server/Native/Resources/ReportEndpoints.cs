using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Resources;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Resources;

internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/reports").WithTags("Reports");
        group.MapPost("/", CreateAsync).RequireScope(ApiScope.Content).WithName("CreateReport");
        group.MapGet("/", ListAsync).WithName("ListReports");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetReport").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync)
            .RequireScope(ApiScope.Content)
            .WithName("DeleteReport")
            .WithSummary("Deletes a report, its share links, and its place on every dashboard.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<CreatedResponse>, ValidationProblem>> CreateAsync(
        CreateReportRequest request, ResourceService resources, HttpContext context, CancellationToken cancellationToken)
    {
        var data = request.Data is { } element ? element.GetRawText() : "null";
        var created = await resources.CreateReportAsync(request.Name, data, CredentialClaims.ActorOf(context), cancellationToken);
        return created.Value is { } report
            ? TypedResults.Created($"/api/v1/reports/{report.Id}", new CreatedResponse(report.Id))
            : TypedResults.ValidationProblem(created.Errors!.ToDictionary());
    }

    private static async Task<Ok<IReadOnlyList<ReportResponse>>> ListAsync(ResourceService resources, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ReportResponse>>((await resources.ListReportsAsync(cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ResourceService resources, CancellationToken cancellationToken) =>
        await resources.FindReportAsync(id, cancellationToken) is { } report
            ? TypedResults.Ok(ToResponse(report))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ResourceService resources, HttpContext context, CancellationToken cancellationToken) =>
        await resources.DeleteReportAsync(id, CredentialClaims.ActorOf(context), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(id);

    private static ProblemHttpResult NotFound(Guid id) => NativeProblems.NotFound($"There is no report with id {id}.");

    private static ReportResponse ToResponse(Report report) =>
        new(report.Id, report.Name, ReportData.ToElement(report), report.Created);
}
