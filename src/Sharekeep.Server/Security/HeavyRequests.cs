using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Hosting;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Security;

/// <summary>
/// A cap on administrative requests that can each cost seconds of database time (a bulk action over every link,
/// an inventory text search, the audit export): a leaked key or a runaway script could otherwise start them
/// faster than they finish and leave visitors a starved database. ASP.NET Core's own rate limiter holds them to
/// Sharekeep:HeavyRequestsAtOnce per instance; none waits in a queue, because a held request keeps its
/// connection and its caller cannot tell waiting from hanging; the refused one is told when to try again.
/// </summary>
internal static class HeavyRequests
{
    public const string Policy = "heavy";

    public static WebApplicationBuilder AddHeavyRequestLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetConcurrencyLimiter(
                Policy,
                _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<SharekeepOptions>>().Value.HeavyRequestsAtOnce,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.Response.Headers.RetryAfter = RetryAfter.Seconds(TimeSpan.FromSeconds(1));
                await context.RequestServices.GetRequiredService<ApiErrorWriter>().WriteAsync(
                    context,
                    StatusCodes.Status429TooManyRequests,
                    "Too many large requests at once.",
                    "This instance is already running as many bulk actions, inventory searches and exports as it allows; send it again after the time in Retry-After.");
            };
        });
        return builder;
    }

    /// <summary>Counts the endpoint among the heavy ones.</summary>
    public static TBuilder LimitAsHeavy<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.RequireRateLimiting(Policy);
}
