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

    public async Task<ContentWritten?> WriteAsync(Guid id, Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var final = PathOf(id);
        var partial = final + ".partial";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
            {
                var buffer = new byte[BufferBytes];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await target.FlushAsync(cancellationToken);
            }
            if (size > maxBytes)
            {
                File.Delete(partial);
                return null;
            }
            File.Move(partial, final);
            return new ContentWritten(size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Stream? OpenRead(Guid id)
    {
        try
        {
            return new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferBytes, useAsync: true);
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

    private string PathOf(Guid id) => Path.Combine(root, id.ToString("N"));
}
