using Microsoft.AspNetCore.DataProtection;
using Sharekeep.Server.Security;
using Sharekeep.Storage;
using Sharekeep.Storage.Caching;
using Sharekeep.Storage.Postgres;
using Sharekeep.Storage.Sqlite;

namespace Sharekeep.Server.Hosting;

internal static class StorageExtensions
{
    /// <summary>
    /// The configured database, the stores with their in-memory view, the folder of uploaded content, and the
    /// Data Protection key ring, which lives in the database so that it survives restarts and every instance shares it,
    /// encrypted with a key kept outside it.
    /// </summary>
    public static WebApplicationBuilder AddSharekeepStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DataPaths>();
        var database = DatabaseOptions.Read(builder.Configuration);
        if (database.IsPostgres)
        {
            builder.Services.AddSharekeepPostgres(
                sp => sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)!);
        }
        else
        {
            builder.Services.AddSharekeepSqlite(sp => sp.GetRequiredService<DataPaths>().Database);
        }
        builder.Services.AddSharekeepStores(sp => sp.GetRequiredService<DataPaths>().Files);
        builder.Services.AddOptions<StorageCacheOptions>()
            .BindConfiguration(StorageCacheOptions.Section)
            .Validate(o => o.MaxEntries >= 1, "Sharekeep:Cache:MaxEntries must be at least 1.")
            .Validate(o => o.MaxAgeSeconds >= 1, "Sharekeep:Cache:MaxAgeSeconds must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ContentSweepService>();
        builder.Services.AddHostedService<PasswordFailureSweepService>();
        builder.Services.AddDataProtection().SetApplicationName("Sharekeep").PersistKeysToDbContext<SharekeepDbContext>()
            .ProtectKeysWithKeyEncryptionKey(sharedDatabase: database.IsPostgres);
        return builder;
    }

    /// <summary>Everything that must be true before the first request: schema up to date, secrets in place, no key in plaintext.</summary>
    public static async Task InitializeSharekeepAsync(this WebApplication app)
    {
        await app.Services.InitializeSharekeepStorageAsync();
        _ = app.Services.GetRequiredService<ApiSecret>();
        await app.Services.EncryptPlaintextKeysAsync();
    }
}
