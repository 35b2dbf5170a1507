using System.Security.Cryptography;
using Sharekeep.Core.Files;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// One file per upload under a folder of the data directory, named by id (never by the client's name).
/// Written to a temporary name first and renamed when complete, so a reader never sees half a file.
/// </summary>
internal sealed class FileSystemContentStore(string root) : IFileContentStore
{
    private const int BufferBytes = 81920;
    private const string PartialSuffix = ".partial";

    public async Task<ContentWritten?> WriteAsync(Guid id, Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var final = PathOf(id);
        var partial = final + PartialSuffix;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var target = Disk(() => OpenNew(partial)))
            {
                var buffer = new byte[BufferBytes];
                int read;
                // Reading the client's body may fail too; only the disk's faults are the store's.
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }
                    hash.AppendData(buffer, 0, read);
                    await DiskAsync(() => target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).AsTask());
                }
                await DiskAsync(() => target.FlushAsync(cancellationToken));
            }
            if (size > maxBytes)
            {
                File.Delete(partial);
                return null;
            }
            Disk(() => File.Move(partial, final));
            return new ContentWritten(size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            if (Directory.Exists(root))
            {
                File.Delete(partial);
            }
            throw;
        }
    }

    /// <summary>Whether an I/O fault means the disk or quota is full (ENOSPC, EDQUOT; ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL).</summary>
    internal static bool IsOutOfSpace(IOException exception)
    {
        var code = exception.HResult & 0xFFFF;
        return OperatingSystem.IsWindows() ? code is 0x70 or 0x27 : code is 28 or 122;
    }

    private FileStream OpenNew(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = BufferBytes,
            Options = FileOptions.Asynchronous,
        };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
        }
        else
        {
            // What people uploaded is nobody else's to read, whatever the umask.
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }

    private static T Disk<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (IOException fault)
        {
            throw new ContentStorageException(IsOutOfSpace(fault), fault);
        }
    }

    private static void Disk(Action operation) => Disk(() =>
    {
        operation();
        return true;
    });

    private static async Task DiskAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (IOException fault)
        {
            throw new ContentStorageException(IsOutOfSpace(fault), fault);
        }
    }

    public Stream? OpenRead(Guid id)
    {
        try
        {
            return new ContentReadStream(File.OpenHandle(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Delete(Guid id) => File.Delete(PathOf(id));

    /// <summary>Half-written uploads not written to since <paramref name="cutoff"/>: left by a crash, never to be finished.</summary>
    internal IEnumerable<string> PartialsOlderThan(DateTimeOffset cutoff) =>
        Files().Where(path => path.EndsWith(PartialSuffix, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(path) < cutoff.UtcDateTime);

    /// <summary>Ids of complete content last written before <paramref name="cutoff"/>.</summary>
    internal IEnumerable<Guid> ContentOlderThan(DateTimeOffset cutoff) =>
        Files()
            .Where(path => File.GetLastWriteTimeUtc(path) < cutoff.UtcDateTime)
            .Select(path => Guid.TryParseExact(Path.GetFileName(path), "N", out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty);

    internal static void DeleteFile(string path) => File.Delete(path);

    private IEnumerable<string> Files() => Directory.Exists(root) ? Directory.EnumerateFiles(root) : [];

    private string PathOf(Guid id) => Path.Combine(root, id.ToString("N"));
}
