using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Storage;
using Sharekeep.Storage.Postgres;
using Sharekeep.Storage.Sqlite;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// The database of a data folder as an earlier release left it: migrated only up to a named migration, on the
/// suite's provider, for upgrade tests to put rows in with that release's columns.
/// </summary>
public sealed class OlderDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private OlderDatabase(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
    }

    public SharekeepDbContext Db => _scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();

    /// <summary>A GUID as the provider keeps one (SQLite: upper-case text), for raw inserts.</summary>
    public static object Id(Guid id) => TestDatabase.IsPostgres ? id : id.ToString().ToUpperInvariant();

    public static async Task<OlderDatabase> AtAsync(string dataDirectory, string migration)
    {
        var services = new ServiceCollection().AddLogging();
        if (TestDatabase.IsPostgres)
        {
            var connection = TestDatabase.Settings(dataDirectory, migrated: false)["ConnectionStrings:Sharekeep"]!;
            services.AddSharekeepPostgres(_ => connection);
        }
        else
        {
            services.AddSharekeepSqlite(_ => Path.Combine(dataDirectory, "sharekeep.db"));
        }
        var database = new OlderDatabase(services.BuildServiceProvider());
        await database.Db.GetService<IMigrator>().MigrateAsync(migration, TestContext.Current.CancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        if (!TestDatabase.IsPostgres)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
