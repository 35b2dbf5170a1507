using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Files;

/// <summary>Uploads, reads and deletes files; the native API and the admin pages both come here.</summary>
public sealed class FileService(IFileStore files, IFileContentStore content, AuditLog audit, TimeProvider time, SharekeepMetrics? metrics = null)
{
    public const int MaxListPage = 1000;

    public async Task<Outcome<StoredFile>> UploadAsync(
        string? fileName, string? contentType, Stream source, long maxBytes, Actor actor, CancellationToken cancellationToken)
    {
        var name = FileRules.CleanName(fileName);
        if (name is null)
        {
            return Outcome<StoredFile>.Invalid(
                "file", $"The file needs a name of 1 to {FileRules.MaxNameLength} characters, without control characters or invisible formatting.");
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var written = await content.WriteAsync(id, source, maxBytes, cancellationToken);
        if (written is null)
        {
            return Outcome<StoredFile>.TooLarge;
        }
        var file = new StoredFile(id, 0, name, FileRules.NormalizeContentType(contentType), written.Size, written.Sha256, now);
        try
        {
            file = await files.AddAsync(file, cancellationToken);
        }
        catch
        {
            // Bytes without metadata would be unreachable: take them back before reporting the failure.
            content.Delete(id);
            throw;
        }
        await audit.RecordAsync(
            actor, AuditActions.FileUploaded, [file.Id.ToString()], new { file.Name, file.ContentType, file.Size }, cancellationToken);
        (metrics ?? SharekeepMetrics.Unobserved).Uploaded(file.Size);
        return Outcome<StoredFile>.Ok(file);
    }

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken) => files.FindAsync(id, cancellationToken);

    public Task<StoredFile?> FindByNumberAsync(int number, CancellationToken cancellationToken) =>
        number > 0 ? files.FindByNumberAsync(number, cancellationToken) : Task.FromResult<StoredFile?>(null);

    public Task<IReadOnlyList<StoredFile>> ListAsync(int limit, CancellationToken cancellationToken) =>
        files.ListAsync(Math.Clamp(limit, 1, MaxListPage), cancellationToken);

    public Stream? OpenContent(StoredFile file) => content.OpenRead(file.Id);

    /// <summary>Deletes the file, its links and its bytes; false when there was no such file.</summary>
    public async Task<bool> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (!await files.DeleteAsync(id, cancellationToken))
        {
            return false;
        }
        content.Delete(id);
        await audit.RecordAsync(actor, AuditActions.FileDeleted, [id.ToString()], cancellationToken);
        return true;
    }
}
