using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Activity;
using Sharekeep.Server.Errors;

namespace Sharekeep.Server.Native.Activity;

/// <summary>/api/v1/links/{id}/activity: what visitors did with one link, per day. Read scope, as the inventory.</summary>
internal static class ActivityEndpoints
{
    public const int DefaultDays = 30;

    public static RouteGroupBuilder MapLinkActivity(this RouteGroupBuilder links)
    {
        links.MapGet("/{id}/activity", ReadAsync)
            .WithName("GetLinkActivity")
            .WithSummary("Views, downloads, previews, distinct visitors, wrong passwords and lockouts of one link per UTC day (days: 1 to the retention, 30 by default).");
        return links;
    }

    private static async Task<Results<Ok<LinkActivityResponse>, ProblemHttpResult>> ReadAsync(
        string id, string? days, ActivityReader reader, CancellationToken cancellationToken)
    {
        var count = DefaultDays;
        if (days is not null
            && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > reader.MaxDays))
        {
            return NativeProblems.BadRequest($"days is a whole number between 1 and {reader.MaxDays}.");
        }
        count = Math.Min(count, reader.MaxDays);
        return await reader.ReadAsync(id, count, cancellationToken) is { } report
            ? TypedResults.Ok(LinkActivityResponse.Of(report))
            : NativeProblems.NotFound("There is no share or file link with this id.");
    }
}
