using Sharekeep.Server.OpenApi;

namespace Sharekeep.Server.Dialects.ReportingTool;

internal static class ReportingToolExtensions
{
    /// <summary>The reporting tool's routes, under /api as that product has them.</summary>
    public static IEndpointRouteBuilder MapReportingTool(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").ProducesError<ReportingToolError>(StatusCodes.Status500InternalServerError);
        api.MapGroup("/public").MapShareSwitch();
        api.MapResourceShares().MapShareReads();
        api.MapSharedViews();
        return routes;
    }
}
