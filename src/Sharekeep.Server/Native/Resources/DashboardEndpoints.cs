using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Resources;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Resources;

internal static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboards(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/dashboards").WithTags("Dashboards");
        group.MapPost("/", CreateAsync).RequireScope(ApiScope.Content).WithName("CreateDashboard");
        group.MapGet("/", ListAsync).WithName("ListDashboards");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetDashboard").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync)
            .RequireScope(ApiScope.Content)
            .WithName("DeleteDashboard")
            .WithSummary("Deletes a dashboard and its share links; its reports stay.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<CreatedResponse>, ValidationProblem>> CreateAsync(
        CreateDashboardRequest request, ResourceService resources, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await resources.CreateDashboardAsync(request.Name, request.ReportIds, CredentialClaims.ActorOf(context), cancellationToken);
        return created.Value is { } dashboard
            ? TypedResults.Created($"/api/v1/dashboards/{dashboard.Id}", new CreatedResponse(dashboard.Id))
            : TypedResults.ValidationProblem(created.Errors!.ToDictionary());
    }

    private static async Task<Ok<IReadOnlyList<DashboardResponse>>> ListAsync(ResourceService resources, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<DashboardResponse>>((await resources.ListDashboardsAsync(cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ResourceService resources, CancellationToken cancellationToken) =>
        await resources.FindDashboardAsync(id, cancellationToken) is { } dashboard
            ? TypedResults.Ok(ToResponse(dashboard))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ResourceService resources, HttpContext context, CancellationToken cancellationToken) =>
        await resources.DeleteDashboardAsync(id, CredentialClaims.ActorOf(context), cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(id);

    private static ProblemHttpResult NotFound(Guid id) => NativeProblems.NotFound($"There is no dashboard with id {id}.");

    private static DashboardResponse ToResponse(Dashboard dashboard) =>
        new(dashboard.Id, dashboard.Name, dashboard.ReportIds, dashboard.Created);
}
