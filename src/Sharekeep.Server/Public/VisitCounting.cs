using Sharekeep.Core.Activity;

namespace Sharekeep.Server.Public;

/// <summary>
/// Where a visitor's request becomes a view or a download of a link (decision 0029): in memory only, after the
/// link opened; what of the request tells a preview apart is read here and judged by <see cref="VisitClassifier"/>.
/// </summary>
internal static class VisitCounting
{
    public static void Viewed(HttpContext context, ActivityLink link) => Count(context, link, ActivityEvent.View);

    public static void Downloaded(HttpContext context, ActivityLink link) => Count(context, link, ActivityEvent.Download);

    private static void Count(HttpContext context, ActivityLink link, ActivityEvent use)
    {
        var activity = context.RequestServices.GetRequiredService<LinkActivity>();
        if (!activity.Enabled)
        {
            return;
        }
        var headers = context.Request.Headers;
        var request = new VisitRequest(
            context.Request.Method, Header(headers.UserAgent), Header(headers["Sec-Purpose"]), Header(headers["Purpose"]), Header(headers.Range));
        activity.Visited(link, use, request, ClientAddress.Of(context));
    }

    private static string? Header(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values.ToString();
}
