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
            sp.GetRequiredService<ILogger<PostgresChangeListener>>()));
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(
            connectionString,
            npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));
}
