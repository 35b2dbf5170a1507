using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Sharekeep.Storage.Sqlite;

public static class SqliteStorage
{
    /// <summary>The embedded database: one file at <paramref name="databasePath"/>, made on first start.</summary>
    public static IServiceCollection AddSharekeepSqlite(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        services.AddDbContextPool<SharekeepDbContext>((sp, options) => Configure(options, databasePath(sp)));
        services.AddSingleton<IStorageInitializer, WriteAheadLogging>();
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder options, string databasePath) =>
        options.UseSqlite(
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

    /// <summary>Readers never wait for the writer; a property of the file, so once is enough.</summary>
    private sealed class WriteAheadLogging : IStorageInitializer
    {
        public Task InitializeAsync(SharekeepDbContext db, CancellationToken cancellationToken) =>
            db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
