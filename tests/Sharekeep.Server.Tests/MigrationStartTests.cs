using System.Net;
using Microsoft.Data.Sqlite;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Start-up after a start that was killed while migrating.</summary>
public sealed class MigrationStartTests
{
    /// <summary>Bounds the wait for a start that would otherwise retry forever; not a measure of speed.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(90);

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)]
    public async Task AMigrationLockLeftByAKilledStart_DoesNotStopTheNextStart()
    {
        var directory = TempDirectory.Create();
        try
        {
            // What a first start killed mid-migration leaves: EF Core's lock row, and no schema yet.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "sharekeep.db")};Pooling=False"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-01 00:00:00+00:00');
                    """;
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
            await using var app = new SharekeepApplication(directory);

            using var admin = await Task.Run(app.Admin, TestContext.Current.CancellationToken).WaitAsync(Hung, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/healthz")).Status);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/reports", new { name = "After the crash", data = 1 })).Status);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
