using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Inventory;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// The inventory over the Shares and FileLinks tables. Each page reads each table from its own index on the sort
/// column and key (see the LinkInventory migration), so a page costs the same at a thousand links or a million.
/// </summary>
internal sealed class EfLinkInventoryStore(SharekeepDbContext db, WebhookOutboxWriter outbox) : ILinkInventoryStore
{
    private const int ReportKind = (int)ResourceKind.Report;
    private const int DashboardKind = (int)ResourceKind.Dashboard;

    private static readonly LinkRowQueries<ShareRow> ShareQueries = new(LinkTable.Shares, nameof(ShareRow.Id));
    private static readonly LinkRowQueries<FileLinkRow> FileLinkQueries = new(LinkTable.FileLinks, nameof(FileLinkRow.Key));

    public Task<LinkSlice> ListAsync(LinkTable table, LinkQuery query, int? textWindow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = query.Filter.Text;
        return table == LinkTable.Shares
            ? ShareQueries.SliceAsync(Shares(query.Filter, now), query, textWindow, rows => SharesNaming(rows, text), ProjectShares, cancellationToken)
            : FileLinkQueries.SliceAsync(FileLinks(query.Filter, now), query, textWindow, rows => FileLinksNaming(rows, text), ProjectFileLinks, cancellationToken);
    }

    public Task<long> CountAsync(LinkTable table, LinkFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        table == LinkTable.Shares
            ? SharesNaming(Shares(filter, now), filter.Text).LongCountAsync(cancellationToken)
            : FileLinksNaming(FileLinks(filter, now), filter.Text).LongCountAsync(cancellationToken);

    public Task<IReadOnlyList<BulkTarget>> ApplyAsync(BulkAction action, IReadOnlyList<BulkTarget> targets, DateTimeOffset now, CancellationToken cancellationToken) =>
        // Applied again after a commit of unknown outcome, a batch finds its links already changed and changes nothing more.
        // Repeatable read: a batch reads which of its links still need the change, then changes those; a concurrent
        // run or edit that changed one of them in between makes the batch start again (on PostgreSQL; SQLite has one
        // writer at a time), so no link is counted by two runs, and none is revoked after a rotate replaced it.
        db.WriteAsync<IReadOnlyList<BulkTarget>>(
            async ct =>
            {
                var shares = await ApplyToSharesAsync(action, [.. targets.Where(t => t.Link.Table == LinkTable.Shares)], now, ct);
                var fileLinks = await ApplyToFileLinksAsync(action, [.. targets.Where(t => t.Link.Table == LinkTable.FileLinks)], now, ct);
                List<BulkTarget> changed = [.. shares, .. fileLinks];
                await AnnounceAsync(action, changed, now, ct);
                return changed;
            },
            System.Data.IsolationLevel.RepeatableRead,
            cancellationToken);

    /// <summary>One event per link a revoke or rotate changed, in the batch's own transaction.</summary>
    private async Task AnnounceAsync(BulkAction action, List<BulkTarget> changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var type = action.Kind switch
        {
            BulkActionKind.Revoke => WebhookEvents.LinkRevoked,
            BulkActionKind.Rotate => WebhookEvents.LinkRotated,
            _ => null,
        };
        if (type is null || changed.Count == 0)
        {
            return;
        }
        await outbox.AddAsync(db, type, changed.Select(t => t.Link.Kind == LinkKind.File
            ? LinkEvents.FileLink(type, now, t.Link.FileLinkId!.Value, t.Link.ResourceId, t.Link.Expires)
            : LinkEvents.Share(type, now, t.Link.Kind == LinkKind.Report ? ReportKind : DashboardKind, t.Link.ResourceId, action.Kind == BulkActionKind.Rotate ? t.NewExpires : t.Link.Expires)),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<ShareRow> Shares(LinkFilter filter, DateTimeOffset now)
    {
        var rows = LinkRowQueries<ShareRow>.Common(db.Shares.AsNoTracking(), filter, now);
        var (reports, dashboards) = (filter.CoversShareKind(LinkKind.Report), filter.CoversShareKind(LinkKind.Dashboard));
        if (reports != dashboards)
        {
            var kind = reports ? ReportKind : DashboardKind;
            rows = rows.Where(s => s.Kind == kind);
        }
        if (filter.ResourceId is { } resourceId)
        {
            rows = rows.Where(s => s.ResourceId == resourceId);
        }
        return rows;
    }

    private IQueryable<FileLinkRow> FileLinks(LinkFilter filter, DateTimeOffset now)
    {
        var rows = LinkRowQueries<FileLinkRow>.Common(db.FileLinks.AsNoTracking(), filter, now);
        if (filter.FileId is { } fileId)
        {
            rows = rows.Where(l => l.FileId == fileId);
        }
        if (filter.ResourceId is { } resourceId)
        {
            rows = rows.Where(l => l.FileId == resourceId);
        }
        if (filter.HasPassword is { } hasPassword)
        {
            rows = hasPassword ? rows.Where(l => l.PasswordHash != null) : rows.Where(l => l.PasswordHash == null);
        }
        if (filter.DenyDownload is { } denyDownload)
        {
            rows = rows.Where(l => l.DenyDownload == denyDownload);
        }
        return rows;
    }

    // These lambdas are SQL, not .NET: ToLower() becomes the database's lower() (SQLite's folds ASCII letters
    // only, PostgreSQL's every letter), and Contains a substring test; no culture of this process takes part.
#pragma warning disable CA1304, CA1311, CA1862
    /// <summary>Links whose resource's name contains the text, whatever its case.</summary>
    private IQueryable<ShareRow> SharesNaming(IQueryable<ShareRow> rows, string? text)
    {
        if (text is null)
        {
            return rows;
        }
        var lowered = text.ToLowerInvariant();
        return rows.Where(s =>
            (s.Kind == ReportKind && db.Reports.Any(r => r.Id == s.ResourceId && r.Name.ToLower().Contains(lowered)))
            || (s.Kind == DashboardKind && db.Dashboards.Any(d => d.Id == s.ResourceId && d.Name.ToLower().Contains(lowered))));
    }

    private IQueryable<FileLinkRow> FileLinksNaming(IQueryable<FileLinkRow> rows, string? text)
    {
        if (text is null)
        {
            return rows;
        }
        var lowered = text.ToLowerInvariant();
        return rows.Where(l => l.Title.ToLower().Contains(lowered) || db.Files.Any(f => f.Id == l.FileId && f.Name.ToLower().Contains(lowered)));
    }
#pragma warning restore CA1304, CA1311, CA1862

    private IQueryable<InventoryLink> ProjectShares(IQueryable<ShareRow> rows) => rows.Select(s => new InventoryLink(
        s.Kind == ReportKind ? LinkKind.Report : LinkKind.Dashboard,
        s.Id,
        null,
        s.ResourceId,
        (s.Kind == ReportKind
            ? db.Reports.Where(r => r.Id == s.ResourceId).Select(r => r.Name).FirstOrDefault()
            : db.Dashboards.Where(d => d.Id == s.ResourceId).Select(d => d.Name).FirstOrDefault()) ?? "",
        null,
        s.Created,
        s.Expires,
        s.Revoked,
        false,
        null,
        null));

    private IQueryable<InventoryLink> ProjectFileLinks(IQueryable<FileLinkRow> rows) => rows.Select(l => new InventoryLink(
        LinkKind.File,
        l.Key,
        l.Id,
        l.FileId,
        db.Files.Where(f => f.Id == l.FileId).Select(f => f.Name).FirstOrDefault() ?? "",
        l.Title,
        l.Created,
        l.Expires,
        l.Revoked,
        l.PasswordHash != null,
        l.DenyDownload,
        l.IsPrimary));

    /// <summary>Shares only have state to change: revoke, expire-at and rotate apply to them, and only while they are not revoked.</summary>
    private async Task<List<BulkTarget>> ApplyToSharesAsync(BulkAction action, List<BulkTarget> targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (targets.Count == 0 || action.Kind is BulkActionKind.RemovePassword or BulkActionKind.SetDenyDownload)
        {
            return [];
        }
        var keys = targets.Select(t => t.Link.Key).ToArray();
        var rows = db.Shares.Where(s => keys.Contains(s.Id) && s.Revoked == null);
        if (action.Kind == BulkActionKind.ExpireAt)
        {
            var at = action.ExpiresAt!.Value;
            rows = rows.Where(s => s.Expires == null || s.Expires != at);
        }
        var still = (await rows.Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // Each update asks again that the share is not revoked: one revoked meanwhile is neither changed nor replaced.
        var changing = db.Shares.Where(s => still.Contains(s.Id) && s.Revoked == null);
        if (action.Kind == BulkActionKind.ExpireAt)
        {
            await changing.ExecuteUpdateAsync(u => u.SetProperty(s => s.Expires, action.ExpiresAt), cancellationToken);
        }
        else if (action.Kind == BulkActionKind.Revoke)
        {
            await changing.ExecuteUpdateAsync(u => u.SetProperty(s => s.Revoked, now), cancellationToken);
        }
        else
        {
            // The old share is revoked in its own statement first, so the index on active shares never sees two; one
            // by one, so that only the shares this run revoked are replaced.
            foreach (var key in still.ToList())
            {
                if (await db.Shares.Where(s => s.Id == key && s.Revoked == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.Revoked, now), cancellationToken) == 0)
                {
                    still.Remove(key);
                }
            }
        }
        var changed = targets.Where(t => still.Contains(t.Link.Key)).ToList();
        if (action.Kind == BulkActionKind.Rotate && changed.Count > 0)
        {
            db.Shares.AddRange(changed.Select(t => new ShareRow
            {
                Id = t.NewKey!,
                Kind = t.Link.Kind == LinkKind.Report ? ReportKind : DashboardKind,
                ResourceId = t.Link.ResourceId,
                Created = t.NewCreated!.Value,
                Expires = t.NewExpires,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }
        return changed;
    }

    private async Task<List<BulkTarget>> ApplyToFileLinksAsync(BulkAction action, List<BulkTarget> targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (targets.Count == 0)
        {
            return [];
        }
        // By the key the run read, not the id: a link rotated since then is another link to a visitor (its new key
        // is in memory as the rotate left it, and this batch would drop only the old one), so it is left as it is
        // now, as a share rotated meanwhile is. Keys are unique, so a key still there is the same link, unchanged.
        var keys = targets.Select(t => t.Link.Key).ToArray();
        var rows = db.FileLinks.Where(l => keys.Contains(l.Key));
        rows = action.Kind switch
        {
            BulkActionKind.RemovePassword => rows.Where(l => l.PasswordHash != null),
            BulkActionKind.SetDenyDownload => rows.Where(l => l.DenyDownload != action.DenyDownload),
            BulkActionKind.ExpireAt => rows.Where(l => l.Revoked == null && (l.Expires == null || l.Expires != action.ExpiresAt)),
            _ => rows.Where(l => l.Revoked == null),
        };
        var still = (await rows.Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        var changing = db.FileLinks.Where(l => still.Contains(l.Id) && keys.Contains(l.Key));
        switch (action.Kind)
        {
            case BulkActionKind.Revoke:
                await changing.ExecuteUpdateAsync(u => u.SetProperty(l => l.Revoked, now), cancellationToken);
                break;
            case BulkActionKind.ExpireAt:
                await changing.ExecuteUpdateAsync(u => u.SetProperty(l => l.Expires, action.ExpiresAt), cancellationToken);
                break;
            case BulkActionKind.RemovePassword:
                await changing.ExecuteUpdateAsync(u => u.SetProperty(l => l.PasswordHash, (string?)null).SetProperty(l => l.PasswordStamp, (string?)null), cancellationToken);
                break;
            case BulkActionKind.SetDenyDownload:
                await changing.ExecuteUpdateAsync(u => u.SetProperty(l => l.DenyDownload, action.DenyDownload), cancellationToken);
                break;
            default:
                foreach (var target in targets.Where(t => still.Contains(t.Link.FileLinkId!.Value)))
                {
                    // A new stamp with the new key: unlock cookies of the old link stop working too. Only while the link
                    // still has the key this run read: a link rotated or revoked meanwhile is left as it is now.
                    var (id, oldKey, key, stamp) = (target.Link.FileLinkId!.Value, target.Link.Key, target.NewKey!, target.NewStamp);
                    if (await db.FileLinks.Where(l => l.Id == id && l.Key == oldKey && l.Revoked == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(l => l.Key, key).SetProperty(l => l.PasswordStamp, l => stamp ?? l.PasswordStamp), cancellationToken) == 0)
                    {
                        still.Remove(id);
                    }
                }
                break;
        }
        return [.. targets.Where(t => still.Contains(t.Link.FileLinkId!.Value))];
    }
}
