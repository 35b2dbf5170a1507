using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Links;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The file link store over the real database.</summary>
public sealed class FileLinkStoreTests
{
    [Fact]
    public async Task SavingALinkWhoseFileIsGone_WritesNothing_AndSaysSo()
    {
        await using var app = new SharekeepApplication();
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IFileLinkStore>();
        var now = DateTimeOffset.UtcNow;
        var link = new FileLink(Guid.NewGuid(), Guid.NewGuid(), new string('k', 32), "gone", null, false, false, null, null, now, null);

        var saved = await store.SaveAsync(link, TestContext.Current.CancellationToken);

        Assert.False(saved);
        Assert.Null(await store.FindAsync(link.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ALinkMadeForAFileDeletedJustBefore_Is404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        await admin.DeleteAsync($"/api/v1/files/{fileId}");

        var answer = await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { title = "late" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, answer.Status);
    }
}
