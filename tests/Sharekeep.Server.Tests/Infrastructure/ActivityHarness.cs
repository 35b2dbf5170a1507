using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Activity;
using Sharekeep.Storage;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>Flushes an in-process application's counted activity on demand, and reads what its database holds.</summary>
public static class ActivityHarness
{
    public const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    public static async Task<IReadOnlyList<ActivityLink>> FlushAsync(SharekeepApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ILinkActivityStore>();
        var activity = app.Services.GetRequiredService<LinkActivity>();
        await activity.RefreshSaltsAsync(store, TestContext.Current.CancellationToken);
        return await activity.FlushAsync(store, TestContext.Current.CancellationToken);
    }

    public static async Task SweepAsync(SharekeepApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ILinkActivityStore>();
        var activity = app.Services.GetRequiredService<LinkActivity>();
        await activity.RefreshSaltsAsync(store, TestContext.Current.CancellationToken);
        await activity.SweepAsync(store, TestContext.Current.CancellationToken);
    }

    public static async Task<int> CountRowsAsync(SharekeepApplication app, string table)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        // The table name is one of this test's constants, never input.
#pragma warning disable EF1002
        return await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(TestContext.Current.CancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>Every value of every table the model maps, as text (binary values as UTF-8 and as hex).</summary>
    public static async Task<List<string>> EveryStoredValueAsync(SharekeepApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    values.Add(value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) + Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }
        return values;
    }

    public static HttpRequestMessage Get(string path, string? userAgent = Firefox, string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        if (peer is not null)
        {
            request.Headers.TryAddWithoutValidation(TestPeerAddress.Header, peer);
        }
        return request;
    }
}
