using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Activity;
using Sharekeep.Storage;
using Sharekeep.Storage.Postgres;
using Sharekeep.Storage.Sqlite;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Activity of past days written into a data folder's database through the activity store, as the flushes of those
/// days would have written it: for a server running as its own process, whose clock a test cannot move.
/// </summary>
public static class StoredActivity
{
    /// <summary>
    /// Adds <paramref name="viewsPerDay"/> (oldest first, the last is today, UTC) to the views of the share with
    /// <paramref name="key"/>, each day's at its noon (today's at the present moment).
    /// </summary>
    public static async Task AddShareViewsAsync(string dataDirectory, string key, IReadOnlyList<long> viewsPerDay)
    {
        var services = new ServiceCollection().AddLogging();
        if (TestDatabase.IsPostgres)
        {
            var connection = TestDatabase.Settings(dataDirectory)["ConnectionStrings:Sharekeep"]!;
            services.AddSharekeepPostgres(_ => connection);
        }
        else
        {
            services.AddSharekeepSqlite(_ => Path.Combine(dataDirectory, "sharekeep.db"));
        }
        services.AddSharekeepStores(_ => Path.Combine(dataDirectory, "files"));
        await using (var provider = services.BuildServiceProvider())
        {
            await using var scope = provider.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ILinkActivityStore>();
            var now = DateTimeOffset.UtcNow;
            var today = ActivityDay.Of(now);
            var link = ActivityLink.Share(key);
            var deltas = viewsPerDay
                .Select((views, i) => (Views: views, Day: today.AddDays(i + 1 - viewsPerDay.Count)))
                .Where(d => d.Views > 0)
                .Select(d =>
                {
                    var at = d.Day == today ? now : ActivityDay.Start(d.Day).AddHours(12);
                    return new ActivityDelta(link, d.Day, d.Views, 0, 0, 0, 0, at, at, []);
                })
                .ToList();
            await store.AddAsync(new ActivityBatch(deltas), visitorsPerLinkDay: 1, TestContext.Current.CancellationToken);
        }
        if (!TestDatabase.IsPostgres)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
