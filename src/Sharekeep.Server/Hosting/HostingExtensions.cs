using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Public;
using Sharekeep.Storage;
using Sharekeep.Storage.Caching;
using Sharekeep.Storage.Postgres;
using Sharekeep.Storage.Sqlite;

namespace Sharekeep.Server.Hosting;

internal static class HostingExtensions
{
    /// <summary>Options, storage and the domain services that every API and page shares.</summary>
    public static WebApplicationBuilder AddSharekeepCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SharekeepOptions>()
            .BindConfiguration(SharekeepOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SharingOptions>().BindConfiguration(SharingOptions.Section);
        builder.Services.AddOptions<FilesOptions>()
            .BindConfiguration(FilesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Request lines carry share keys in their paths, and share keys are credentials: never log them,
        // whatever the configuration file says (this rule is registered after the file's, so it wins).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // Say nothing about the server software to anonymous callers.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSingleton<DataPaths>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IShareKeyGenerator, RandomShareKeyGenerator>();
        builder.Services.AddSingleton(sp =>
        {
            var sharing = sp.GetRequiredService<IOptions<SharingOptions>>().Value;
            return new PolicyDefaults
            {
                SharingEnabled = sharing.Enabled,
                ExternalSharingEnabled = sharing.ExternalEnabled,
                SocialMediaEnabled = sharing.SocialMediaEnabled,
            };
        });
        builder.AddSharekeepDatabase();
        builder.Services.AddScoped<PolicyService>();
        builder.Services.AddScoped<ResourceService>();
        builder.Services.AddScoped<SharingService>();
        builder.Services.AddScoped<SharedViews>();
        builder.Services.AddScoped<FileService>();
        builder.Services.AddScoped<FileLinkService>();
        builder.Services.AddSingleton<PasswordAttemptThrottle>();
        builder.Services.AddSingleton<LinkUnlockCookies>();
        builder.Services.AddScoped<Admin.AdminOverviewReader>();
        builder.Services.AddRazorComponents();
        // Unlock cookies are signed with a key ring kept in the database: it survives restarts and every instance shares it.
        builder.Services.AddDataProtection().SetApplicationName("Sharekeep").PersistKeysToDbContext<SharekeepDbContext>();

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<SharekeepDbContext>("database")
            .AddCheck<ChangeFeedHealthCheck>("change-feed");
        return builder;
    }

    /// <summary>The configured database, the stores with their in-memory view, and the folder of uploaded content.</summary>
    private static void AddSharekeepDatabase(this WebApplicationBuilder builder)
    {
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
    }

    /// <summary>Everything that must be true before the first request: schema up to date, secret in place.</summary>
    public static async Task InitializeSharekeepAsync(this WebApplication app)
    {
        await app.Services.InitializeSharekeepStorageAsync();
        _ = app.Services.GetRequiredService<Security.ApiSecret>();
    }
}
