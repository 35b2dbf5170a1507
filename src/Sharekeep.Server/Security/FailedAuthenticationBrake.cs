using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Hosting;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Security;

/// <summary>
/// Wrong API credentials per client network (an IPv4 address, an IPv6 /64) per minute. Only failures are counted,
/// so a right credential is never slowed, and callers on other networks never notice an attack. Counts are per
/// instance; ASP.NET Core's partitioned limiter drops a network's counter once its window has passed.
/// </summary>
internal sealed class FailedAuthenticationBrake : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public FailedAuthenticationBrake(IOptions<SharekeepOptions> options)
    {
        var limit = options.Value.FailedAuthenticationsPerMinute;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress.NetworkOf(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Counts one failure; false when the network is past its limit, with the seconds to wait.</summary>
    public bool TryCount(HttpContext context, out int retryAfterSeconds)
    {
        using var lease = _limiter.AttemptAcquire(context);
        retryAfterSeconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Window.TotalSeconds;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
