using System.Net;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Stores;

namespace Sharekeep.Server.Tests;

/// <summary>What a crash leaves in the content folder is removed at the next start; nothing in use is.</summary>
public sealed class ContentSweepTests
{
    [Fact]
    public async Task Start_RemovesStalePartialsAndOrphans_AndKeepsEverythingInUse()
    {
        var directory = TempDirectory.Create();
        try
        {
            Guid kept;
            await using (var first = new SharekeepApplication(directory))
            {
                using var admin = first.Admin();
                kept = await admin.UploadFileAsync("kept.txt", "still here");
            }
            var files = Path.Combine(directory, "files");
            var stale = DateTime.UtcNow - ContentSweeper.StaleAfter - TimeSpan.FromMinutes(5);
            var stalePartial = Write(files, Guid.NewGuid().ToString("N") + ".partial", stale);
            var staleOrphan = Write(files, Guid.NewGuid().ToString("N"), stale);
            var freshPartial = Write(files, Guid.NewGuid().ToString("N") + ".partial", DateTime.UtcNow);
            var freshOrphan = Write(files, Guid.NewGuid().ToString("N"), DateTime.UtcNow);
            File.SetLastWriteTimeUtc(Path.Combine(files, kept.ToString("N")), stale);

            await using var second = new SharekeepApplication(directory);
            using var again = second.Admin();

            Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(!File.Exists(stalePartial) && !File.Exists(staleOrphan))));
            Assert.True(File.Exists(freshPartial));
            Assert.True(File.Exists(freshOrphan));
            var content = await again.GetAsync($"/api/v1/files/{kept}/content");
            Assert.Equal(HttpStatusCode.OK, content.Status);
            Assert.Equal("still here", content.Text);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    private static string Write(string folder, string name, DateTime lastWrite)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "left behind");
        File.SetLastWriteTimeUtc(path, lastWrite);
        return path;
    }
}
