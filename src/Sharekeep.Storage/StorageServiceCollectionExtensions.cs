using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Inventory;
using Sharekeep.Core.Links;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Sessions;
using Sharekeep.Core.Shares;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Caching;
using Sharekeep.Storage.Stores;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores behind the domain's interfaces, with the in-memory view in front of them, and uploaded files
    /// under <paramref name="filesDirectory"/>. A provider package registers the <see cref="SharekeepDbContext"/>.
    /// </summary>
    public static IServiceCollection AddSharekeepStores(this IServiceCollection services, Func<IServiceProvider, string> filesDirectory)
    {
        services.AddOptions<StorageCacheOptions>();
        services.AddSingleton<StorageCache>();
        services.TryAddSingleton<IWriteLocks, NoWriteLocks>();
        // The activity store stamps its writers' rows; a host that registers its own clock (tests) keeps it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddCached<IResourceStore, EfResourceStore>((inner, cache) => new CachedResourceStore(inner, cache));
        services.AddCached<IShareStore, EfShareStore>((inner, cache) => new CachedShareStore(inner, cache));
        services.AddCached<IPolicyStore, EfPolicyStore>((inner, cache) => new CachedPolicyStore(inner, cache));
        services.AddCached<ILinkPolicyStore, EfLinkPolicyStore>((inner, cache) => new CachedLinkPolicyStore(inner, cache));
        services.AddCached<IFileStore, EfFileStore>((inner, cache) => new CachedFileStore(inner, cache));
        services.AddCached<IFileLinkStore, EfFileLinkStore>((inner, cache) => new CachedFileLinkStore(inner, cache));
        services.AddCached<ILinkInventoryStore, EfLinkInventoryStore>((inner, cache) => new CachedLinkInventoryStore(inner, cache));
        services.AddCached<IPasswordFailureStore, EfPasswordFailureStore>((inner, cache) => new CachedPasswordFailureStore(inner, cache));
        // Console sessions are read once per console request, never by visitors: no cache in front of them.
        services.AddScoped<IConsoleSessionStore, EfConsoleSessionStore>();
        // API keys are read on every call made with one, so that a revoke holds on every instance at once: no cache either.
        services.AddScoped<IApiKeyStore, EfApiKeyStore>();
        // Activity is written in batches by one flush at a time and read by administrators: no cache.
        services.AddScoped<ILinkActivityStore, EfLinkActivityStore>();
        // The audit is only added to, and read by administrators: no cache.
        services.AddScoped<IAuditStore, EfAuditStore>();
        // Webhook endpoints are read by administrators and the deliverer; the subscriptions events need are in memory (WebhookOutboxWriter).
        services.AddSingleton<WebhookOutboxWriter>();
        services.AddScoped<IWebhookStore, EfWebhookStore>();
        services.AddScoped<IWebhookOutbox, EfWebhookOutbox>();
        services.AddScoped<LinkExpirySweep>();
        services.AddSingleton(sp => new FileSystemContentStore(filesDirectory(sp)));
        services.AddSingleton<IFileContentStore>(sp => sp.GetRequiredService<FileSystemContentStore>());
        services.AddSingleton(sp => new ContentSweeper(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<FileSystemContentStore>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The provider's preparations, then pending migrations, if any (EF Core takes a lock, so instances starting
    /// together take turns; with nothing pending, no lock is taken), then the provider's own steps.
    /// </summary>
    public static async Task InitializeSharekeepStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        var steps = scope.ServiceProvider.GetServices<IStorageInitializer>().ToList();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Sharekeep.Storage");
        foreach (var step in steps)
        {
            await step.PrepareAsync(db, logger, cancellationToken);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            StorageLog.Migrating(logger, pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
        foreach (var step in steps)
        {
            await step.InitializeAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// The cached store answers; the database store (and its pooled context) is only made when the cache misses
    /// or a write comes, so a warm request does no database work at all.
    /// </summary>
    private static void AddCached<TStore, TDatabaseStore>(
        this IServiceCollection services, Func<Lazy<TStore>, StorageCache, TStore> cached)
        where TStore : class
        where TDatabaseStore : class, TStore
    {
        services.AddScoped<TDatabaseStore>();
        services.AddScoped(sp => cached(
            new Lazy<TStore>(() => sp.GetRequiredService<TDatabaseStore>(), LazyThreadSafetyMode.None),
            sp.GetRequiredService<StorageCache>()));
    }
}

/// <summary>A provider's own steps before migrations (SQLite clears a stale migration lock) and after them (SQLite turns on write-ahead logging).</summary>
public interface IStorageInitializer
{
    Task PrepareAsync(SharekeepDbContext db, ILogger logger, CancellationToken cancellationToken) => Task.CompletedTask;

    Task InitializeAsync(SharekeepDbContext db, CancellationToken cancellationToken);
}

internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations ({Names}); another instance applying them holds a lock this one waits for.")]
    public static partial void Migrating(ILogger logger, int count, IReadOnlyList<string> names);
}
