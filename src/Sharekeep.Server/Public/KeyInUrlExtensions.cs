namespace Sharekeep.Server.Public;

internal static class KeyInUrlExtensions
{
    /// <summary>
    /// For answers to URLs that carry a share key, which depend on the policy of the moment: kept out of
    /// caches, and the key kept out of the Referer of anything the answer links to.
    /// </summary>
    public static RouteGroupBuilder KeepKeyPrivate(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            return await next(context);
        });
}
