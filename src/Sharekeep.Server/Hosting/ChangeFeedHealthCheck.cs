using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// Degraded (still 200) while the instance cannot trust its in-memory view: on PostgreSQL, while the change
/// listener is reconnecting. The instance is correct then, only slower: every visitor's request reads the database.
/// </summary>
internal sealed class ChangeFeedHealthCheck(StorageCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.IsTrusted
            ? HealthCheckResult.Healthy("Serving share keys from memory.")
            : HealthCheckResult.Degraded("Not listening for other instances' changes; serving from the database until reconnected."));
}
