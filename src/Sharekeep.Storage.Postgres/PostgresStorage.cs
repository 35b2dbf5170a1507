using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sharekeep.Storage.Caching;

namespace Sharekeep.Storage.Postgres;

public static class PostgresStorage
{
    /// <summary>
    /// A PostgreSQL database that several instances share. Each instance listens for the others' changes and keeps
    /// its in-memory view in step with them.
    /// </summary>
    public static IServiceCollection AddSharekeepPostgres(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddDbContextPool<SharekeepDbContext>((sp, options) => Configure(options, connectionString(sp)));
        services.AddSingleton<IWriteLocks, AdvisoryWriteLocks>();
        services.AddHostedService(sp => new PostgresChangeListener(
            connectionString(sp),
            sp.GetRequiredService<StorageCache>(),
            sp.GetRequiredService<ILogger<PostgresChangeListener>>(),
            sp.GetService<Core.Telemetry.SharekeepMetrics>()));
        return services;
    }

    /// <summary>
    /// How often a command that failed for a transient reason (a pooled connection the server ended, a restart, a
    /// failover) is tried again, and the longest pause between tries: EF Core waits about 0, 1, 1 s, so a request
    /// rides out a database that is away for about two seconds, and past that is answered 503 instead of waiting on.
    /// </summary>
    public const int MaxRetries = 3;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.LogFailuresWhereAnswered().UseNpgsql(
            connectionString,
            npgsql => npgsql
                .MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name)
                .EnableRetryOnFailure(MaxRetries, MaxRetryDelay, errorCodesToAdd: null));
}
