using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Files;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Stores;

namespace Sharekeep.Server.Tests;

/// <summary>A disk that is full or failing: the server's fault, answered as such, with no path in the answer.</summary>
public sealed class ContentStorageFaultTests
{
    [Fact]
    public void WritingToAFullDevice_IsRecognisedAsOutOfSpace()
    {
        Assert.SkipUnless(File.Exists("/dev/full"), "Needs /dev/full (Linux) to fill a disk.");
        using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);

        var fault = Assert.ThrowsAny<IOException>(() =>
        {
            full.Write(new byte[4096]);
            full.Flush();
        });

        Assert.True(FileSystemContentStore.IsOutOfSpace(fault));
    }

    [Fact]
    public async Task AContentFolderThatCannotBeWritten_IsAStorageFault_NotTheClients()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            var store = new FileSystemContentStore(Path.Combine(blocker, "files"));

            var fault = await Assert.ThrowsAsync<ContentStorageException>(() =>
                store.WriteAsync(Guid.NewGuid(), new MemoryStream("bytes"u8.ToArray()), 1024, TestContext.Current.CancellationToken));

            Assert.False(fault.OutOfSpace);
            Assert.DoesNotContain(blocker, fault.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task UploadToAFullDisk_Is507WithoutAPath_AndKeepsNothing()
    {
        await using var app = new SharekeepApplication(services: services =>
            services.AddSingleton<IFileContentStore>(new FullDisk()));
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("minutes.txt", Encoding.UTF8.GetBytes("Board minutes"));

        Assert.Equal(HttpStatusCode.InsufficientStorage, answer.Status);
        Assert.Equal(StatusCodes.Status507InsufficientStorage, answer.Body.GetProperty("status").GetInt32());
        Assert.DoesNotContain(app.DataDirectory, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/", answer.Body.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Equal(0, (await admin.GetAsync("/api/v1/files")).Body.GetArrayLength());
    }

    [Fact]
    public async Task UploadToAFullDisk_IsLoggedOnceInOneLine_AsTheServersFault()
    {
        var log = new CapturedLog();
        await using var app = new SharekeepApplication(services: services =>
        {
            services.AddSingleton<IFileContentStore>(new FullDisk());
            log.AddTo(services);
        });
        using var admin = app.Admin();
        log.Clear();

        await admin.UploadAsync("minutes.txt", Encoding.UTF8.GetBytes("Board minutes"));

        // The operator's log may name the path (the answer may not); the in-memory server's own body-limit warning aside.
        var fault = Assert.Single(log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("No space left", fault.Message, StringComparison.Ordinal);
        Assert.Null(fault.Exception);
        Assert.DoesNotContain('\n', fault.Message);
    }

    private sealed class FullDisk : IFileContentStore
    {
        public Task<ContentWritten?> WriteAsync(Guid id, Stream source, long maxBytes, CancellationToken cancellationToken) =>
            throw new ContentStorageException(true, new IOException("No space left on device : '/var/lib/sharekeep/files/x.partial'", 28));

        public Stream? OpenRead(Guid id) => null;

        public void Delete(Guid id)
        {
        }
    }
}
