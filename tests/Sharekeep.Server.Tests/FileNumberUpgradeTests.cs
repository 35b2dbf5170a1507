using System.Net;
using Microsoft.EntityFrameworkCore;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>A data folder or database from before integer file ids, started by this release.</summary>
public sealed class FileNumberUpgradeTests
{
    /// <summary>The last migration of the release before file numbers.</summary>
    private const string BeforeFileNumbers = "ApiKeys";

    [Fact]
    public async Task FilesFromBeforeIntegerIds_AreNumberedInUploadOrder_AndNewFilesFollowThem()
    {
        var directory = TempDirectory.Create();
        try
        {
            var older = Guid.CreateVersion7(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
            var newer = Guid.CreateVersion7(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
            await using (var database = await OlderDatabase.AtAsync(directory, BeforeFileNumbers))
            {
                // The newer file first, so that only the upload times can give the order.
                await InsertFileAsync(database, newer, "newer.txt", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
                await InsertFileAsync(database, older, "older.txt", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
            }
            await using var app = new SharekeepApplication(directory);
            using var admin = app.Admin();

            Assert.Equal(1, await admin.FileNumberAsync(older));
            Assert.Equal(2, await admin.FileNumberAsync(newer));
            Assert.Equal(3, await admin.UploadToPlatformAsync());
            Assert.Equal("older.txt", (await admin.GetAsync("/api/2.0/files/file/1")).Response.GetProperty("title").GetString());
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task LinksFromBeforeIntegerIds_KeepWorking_AndAreReachedByTheFilesNumber()
    {
        var directory = TempDirectory.Create();
        try
        {
            var fileId = Guid.CreateVersion7();
            var created = DateTimeOffset.UtcNow;
            const string key = "OldKeyOldKeyOldKeyOldKeyOldKey12";
            await using (var database = await OlderDatabase.AtAsync(directory, BeforeFileNumbers))
            {
                await InsertFileAsync(database, fileId, "kept.txt", created);
                await database.Db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "FileLinks" ("Id", "FileId", "Key", "Title", "DenyDownload", "IsPrimary", "Created")
                    VALUES ({OlderDatabase.Id(Guid.CreateVersion7())}, {OlderDatabase.Id(fileId)}, {key}, 'Before', {false}, {false}, {created.UtcTicks})
                    """,
                    TestContext.Current.CancellationToken);
            }
            await using var app = new SharekeepApplication(directory);
            using var admin = app.Admin();

            var visit = await app.Visitor().GetAsync($"/api/2.0/files/share/{key}");
            var links = await admin.GetAsync("/api/2.0/files/file/1/links");

            Assert.Equal("1", visit.Response.GetProperty("id").GetString());
            Assert.Equal(key, links.Response.EnumerateArray().Single().GetProperty("sharedTo").GetProperty("requestToken").GetString());
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync("/api/2.0/files/file/1/links", new { title = "After" })).Status);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    private static Task<int> InsertFileAsync(OlderDatabase database, Guid id, string name, DateTimeOffset created) =>
        database.Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Files" ("Id", "Name", "ContentType", "Size", "Sha256", "Created")
            VALUES ({OlderDatabase.Id(id)}, {name}, 'text/plain', 5, {new string('0', 64)}, {created.UtcTicks})
            """,
            TestContext.Current.CancellationToken);
}
