using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Storage.Stores;

namespace Sharekeep.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// SQLite in <paramref name="databasePath"/> and uploaded files under <paramref name="filesDirectory"/>,
    /// with the stores behind the domain's interfaces.
    /// </summary>
    public static IServiceCollection AddSharekeepStorage(
        this IServiceCollection services, Func<IServiceProvider, string> databasePath, Func<IServiceProvider, string> filesDirectory)
    {
        services.AddDbContext<SharekeepDbContext>((sp, options) => options.UseSqlite(ConnectionString(databasePath(sp))));
        services.AddScoped<IResourceStore, EfResourceStore>();
        services.AddScoped<IShareStore, EfShareStore>();
        services.AddScoped<IPolicyStore, EfPolicyStore>();
        services.AddScoped<IFileStore, EfFileStore>();
        services.AddScoped<IFileLinkStore, EfFileLinkStore>();
        services.AddSingleton<IFileContentStore>(sp => new FileSystemContentStore(filesDirectory(sp)));
        return services;
    }

    /// <summary>Applies pending migrations and turns on write-ahead logging (a property of the file, so once is enough).</summary>
    public static async Task InitializeSharekeepStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // Writers wait for each other instead of failing with "database is locked".
        DefaultTimeout = 30,
        ForeignKeys = true,
    }.ToString();
}
