using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// Removes what a crash leaves in the content folder: half-written uploads, and content whose metadata was never
/// stored. Only what has not been written to for <see cref="StaleAfter"/>, so that an upload in progress here or
/// on another instance sharing the folder is never touched.
/// </summary>
public sealed class ContentSweeper
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);
    private const int Batch = 500;

    private readonly IServiceScopeFactory _scopes;
    private readonly FileSystemContentStore _content;
    private readonly TimeProvider _time;

    internal ContentSweeper(IServiceScopeFactory scopes, FileSystemContentStore content, TimeProvider time)
    {
        _scopes = scopes;
        _content = content;
        _time = time;
    }

    /// <summary>How many files it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = _time.GetUtcNow() - StaleAfter;
        var removed = 0;
        foreach (var partial in _content.PartialsOlderThan(cutoff).ToList())
        {
            FileSystemContentStore.DeleteFile(partial);
            removed++;
        }
        // Batched look-ups: the folder may hold a million files, and the database answers for 500 at a time.
        foreach (var batch in _content.ContentOlderThan(cutoff).Chunk(Batch))
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
            var known = await db.Files.AsNoTracking().Where(f => batch.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
            foreach (var orphan in batch.Except(known))
            {
                _content.Delete(orphan);
                removed++;
            }
        }
        return removed;
    }
}
