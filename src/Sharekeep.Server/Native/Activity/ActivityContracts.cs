using Sharekeep.Core.Activity;

namespace Sharekeep.Server.Native.Activity;

/// <summary>
/// GET /api/v1/links/{id}/activity: a link's last <c>days</c> days (today last, UTC) and their totals. visitors is
/// distinct per day; visitorsAtLeast says a day reached the stored limit, so its visitors are a lower bound.
/// </summary>
internal sealed record LinkActivityResponse(string Id, string Kind, int Days, bool VisitorsAtLeast, ActivityDayResponse Totals, IReadOnlyList<ActivityDayResponse> Series)
{
    public static LinkActivityResponse Of(ActivityReport report) => new(
        report.Id, report.KindName, report.Days, report.VisitorsCapped, ActivityDayResponse.Of(report.Totals, totals: true), [.. report.Series.Select(d => ActivityDayResponse.Of(d))]);
}

/// <summary>One day (day null in the totals).</summary>
internal sealed record ActivityDayResponse(
    string? Day,
    long Views,
    long Downloads,
    long Previews,
    int Visitors,
    long PasswordFailures,
    long Lockouts,
    DateTimeOffset? FirstAccess,
    DateTimeOffset? LastAccess)
{
    public static ActivityDayResponse Of(DailyActivity day, bool totals = false) => new(
        totals ? null : day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        day.Views, day.Downloads, day.Previews, day.Visitors, day.PasswordFailures, day.Lockouts, day.FirstAccess, day.LastAccess);
}
