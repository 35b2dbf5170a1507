using Sharekeep.Core.Inventory;
using Sharekeep.Core.Links;
using Sharekeep.Core.Shares;

namespace Sharekeep.Core.Activity;

/// <summary>
/// A link's activity over its last <see cref="Days"/> days, every day present (zeros where nothing happened), oldest
/// first. <see cref="KindName"/> is the inventory's kind (report, dashboard, file). Visitors are distinct per day
/// (the hash key changes daily), so the total is a sum of daily counts; <see cref="VisitorsCapped"/> says a day
/// reached the per-day limit and holds "at least" that many.
/// </summary>
public sealed record ActivityReport(
    ActivityLink Link,
    string KindName,
    string Id,
    int Days,
    IReadOnlyList<DailyActivity> Series,
    DailyActivity Totals,
    bool VisitorsCapped);

/// <summary>Finds a link by its inventory id and reads its activity: the API and the console share this one reading.</summary>
public sealed class ActivityReader(IShareStore shares, IFileLinkStore fileLinks, ILinkActivityStore store, LinkActivity activity)
{
    public int MaxDays => activity.Buffer.Limits.RetentionDays;

    /// <summary>A file link's id (a GUID) or a share's key, as GET /api/v1/links names them; null if neither exists.</summary>
    public async Task<(ActivityLink Link, string KindName)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, out var linkId) && await fileLinks.FindAsync(linkId, cancellationToken) is { } fileLink)
        {
            return (ActivityLink.File(fileLink.Id), "file");
        }
        if (id.Length is > 0 and <= 64 && await shares.FindByKeyAsync(id, cancellationToken) is { } share)
        {
            return (ActivityLink.Share(share.Key), share.Kind == Resources.ResourceKind.Dashboard ? "dashboard" : "report");
        }
        return null;
    }

    /// <summary>The summary of each listed link that has activity over the kept days: one read for the whole page.</summary>
    public Task<IReadOnlyDictionary<ActivityLink, ActivitySummary>> SummariesAsync(IReadOnlyList<InventoryLink> links, CancellationToken cancellationToken) =>
        store.SummariesAsync([.. links.Select(LinkOf)], activity.FirstDayOf(MaxDays), cancellationToken);

    public static ActivityLink LinkOf(InventoryLink link) =>
        link.FileLinkId is { } id ? ActivityLink.File(id) : ActivityLink.Share(link.Key);

    public async Task<ActivityReport?> ReadAsync(string id, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        if (await FindAsync(id, cancellationToken) is not { } found)
        {
            return null;
        }
        var from = activity.FirstDayOf(days);
        var stored = (await store.DaysAsync(found.Link, from, cancellationToken)).ToDictionary(d => d.Day);
        var series = Enumerable.Range(0, days)
            .Select(i => from.AddDays(i))
            .Select(day => stored.GetValueOrDefault(day) ?? new DailyActivity(day, 0, 0, 0, 0, 0, 0, null, null))
            .ToList();
        var totals = new DailyActivity(
            activity.Today,
            series.Sum(d => d.Views),
            series.Sum(d => d.Downloads),
            series.Sum(d => d.Previews),
            series.Sum(d => d.Visitors),
            series.Sum(d => d.PasswordFailures),
            series.Sum(d => d.Lockouts),
            await store.FirstUseAsync(found.Link, cancellationToken),
            series.Max(d => d.LastAccess));
        var capped = activity.Buffer.Limits.MaxVisitorsPerLinkDay > 0 && series.Any(d => d.Visitors >= activity.Buffer.Limits.MaxVisitorsPerLinkDay);
        return new ActivityReport(found.Link, found.KindName, found.Link.Id, days, series, totals, capped);
    }
}
