using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sharekeep.Storage.Sqlite;

public static partial class SqliteStorage
{
    /// <summary>The embedded database: one file at <paramref name="databasePath"/>, made on first start.</summary>
    public static IServiceCollection AddSharekeepSqlite(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        services.AddDbContextPool<SharekeepDbContext>((sp, options) => Configure(options, databasePath(sp)));
        services.AddSingleton<IStorageInitializer, WriteAheadLogging>();
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder options, string databasePath) =>
        options.LogFailuresWhereAnswered().UseSqlite(
            ConnectionString(databasePath),
            sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name));

    private static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // Writers wait for each other instead of failing with "database is locked".
        DefaultTimeout = 30,
        ForeignKeys = true,
    }.ToString();

    /// <summary>
    /// Before migrating: EF Core marks a migration in progress with a row in __EFMigrationsLock and waits, forever,
    /// for it to go. A process killed while migrating leaves the row behind. SQLite serves one instance, so at its
    /// start no one else can be migrating: a row there is stale, and is removed.
    /// After migrating: readers never wait for the writer; a property of the file, so once is enough.
    /// </summary>
    private sealed partial class WriteAheadLogging : IStorageInitializer
    {
        public async Task PrepareAsync(SharekeepDbContext db, ILogger logger, CancellationToken cancellationToken)
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var exists = connection.CreateCommand();
                exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    return;
                }
                await using var clear = connection.CreateCommand();
                clear.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
                if (await clear.ExecuteNonQueryAsync(cancellationToken) > 0)
                {
                    LogStaleLock(logger);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Removed a migration lock left by a start that was interrupted while migrating.")]
        private static partial void LogStaleLock(ILogger logger);

        public Task InitializeAsync(SharekeepDbContext db, CancellationToken cancellationToken) =>
            db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
