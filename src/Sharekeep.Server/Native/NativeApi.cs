using Microsoft.AspNetCore.Mvc;
using Sharekeep.Server.Native.Activity;
using Sharekeep.Server.Native.Audit;
using Sharekeep.Server.Native.Files;
using Sharekeep.Server.Native.Keys;
using Sharekeep.Server.Native.Links;
using Sharekeep.Server.Native.Policy;
using Sharekeep.Server.Native.Resources;
using Sharekeep.Server.Native.Shares;
using Sharekeep.Server.Native.Webhooks;
using Sharekeep.Server.OpenApi;

namespace Sharekeep.Server.Native;

internal static class NativeApi
{
    /// <summary>Sharekeep's own API: every area behind the secret, every error as problem details.</summary>
    public static RouteGroupBuilder MapNativeApi(this RouteGroupBuilder api)
    {
        api.RequireAuthorization()
            .ProducesError<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")
            .ProducesError<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")
            .ProducesError<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")
            .ProducesError<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json");
        api.MapReports();
        api.MapDashboards();
        api.MapShares();
        api.MapFiles();
        api.MapFileLinks();
        api.MapLinks().MapLinkActivity();
        api.MapLockedLinks();
        api.MapLockedNetworks();
        api.MapPolicy();
        api.MapLinkPolicy();
        api.MapKeys();
        api.MapAudit();
        api.MapWebhooks();
        return api;
    }
}
