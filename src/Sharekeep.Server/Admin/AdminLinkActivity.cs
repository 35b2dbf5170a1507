using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Activity;
using Sharekeep.Server.Admin.Pages;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Admin;

/// <summary>/admin/links/{id}/activity: one link's last 30 days, for a signed-in administrator; a chart drawn here, no script.</summary>
internal static class AdminLinkActivity
{
    public const int Days = 30;

    public static string PathOf(string id) => $"{AdminEndpoints.Path}/links/{Uri.EscapeDataString(id)}/activity";

    public static IEndpointRouteBuilder MapAdminLinkActivity(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup(AdminEndpoints.Path)
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithHeaders(HeaderPolicy.AdminPage)
            .MapGet("/links/{id}/activity", ShowAsync);
        return routes;
    }

    private static async Task<Results<RedirectHttpResult, RazorComponentResult<LinkActivityPage>>> ShowAsync(
        string id, HttpContext context, ActivityReader reader, CancellationToken cancellationToken)
    {
        if (!await AdminSession.IsSignedInAsync(context))
        {
            return TypedResults.Redirect(AdminEndpoints.Path);
        }
        var report = await reader.ReadAsync(id, Math.Min(Days, reader.MaxDays), cancellationToken);
        return new RazorComponentResult<LinkActivityPage>(new { Model = report, Id = id })
        {
            StatusCode = report is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
    }
}
