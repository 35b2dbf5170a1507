using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// On PostgreSQL a bulk batch and another writer (a second run, a single revoke, another instance) run at the same
/// time: what the other committed between the batch's read and its update is neither undone nor counted twice.
/// </summary>
[Trait("Database", "postgres")]
public sealed class LinkBulkConcurrencyTests
{
    [PostgresFact]
    public async Task Revoke_OfAShareAnotherWriterRevokesWhileTheBatchWaitsForIt_CountsNothing_AndKeepsTheOtherRevocation()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        var seed = await InventorySeed.MakeAsync(admin, clock);
        using var scope = app.Services.CreateScope();
        var inventory = scope.ServiceProvider.GetRequiredService<LinkInventory>();
        var store = scope.ServiceProvider.GetRequiredService<ILinkInventoryStore>();
        var share = (await inventory.ListAsync(
            new LinkQuery(new LinkFilter { ResourceId = seed.ReportId, States = new HashSet<LinkState> { LinkState.Active } }, LinkSort.CreatedAscending, 10, null),
            TestContext.Current.CancellationToken)).Links.Single();
        var connection = TestDatabase.Settings(app.DataDirectory)["ConnectionStrings:Sharekeep"]!;
        var otherRevoked = clock.GetUtcNow().AddMinutes(-5).UtcTicks;

        // The other writer holds the share's row, revoked but not yet committed, while the batch reads and then updates.
        await using var other = new NpgsqlConnection(connection);
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await other.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var revoke = new NpgsqlCommand("""UPDATE "Shares" SET "Revoked" = @at WHERE "Id" = @key""", other, transaction))
        {
            revoke.Parameters.AddWithValue("at", otherRevoked);
            revoke.Parameters.AddWithValue("key", share.Key);
            Assert.Equal(1, await revoke.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }
        var batch = store.ApplyAsync(new BulkAction(BulkActionKind.Revoke), [new BulkTarget(share)], clock.GetUtcNow(), TestContext.Current.CancellationToken);
        await WaitForABlockedUpdateAsync(connection);
        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await batch);
        await using var check = new NpgsqlCommand("""SELECT "Revoked" FROM "Shares" WHERE "Id" = @key""", other);
        check.Parameters.AddWithValue("key", share.Key);
        Assert.Equal(otherRevoked, (long)(await check.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    /// <summary>Until a session of this database waits for a row lock: the batch's update, behind the other writer.</summary>
    private static async Task WaitForABlockedUpdateAsync(string connection)
    {
        await using var watcher = new NpgsqlConnection(connection);
        await watcher.OpenAsync(TestContext.Current.CancellationToken);
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE%'", watcher);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The batch's update never waited for the other writer's row.");
            await Task.Yield();
        }
    }
}
