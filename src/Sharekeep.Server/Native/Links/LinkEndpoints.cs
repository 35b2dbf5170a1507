using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sharekeep.Core;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Links;

/// <summary>/api/v1/links: every share and file link in one keyset-paged inventory, and actions over many at once.</summary>
internal static class LinkEndpoints
{
    public static RouteGroupBuilder MapLinks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/links").WithTags("Links");
        group.MapGet("/", ListAsync)
            .LimitAsHeavy()
            .WithName("ListLinks")
            .WithSummary("Every report share, dashboard share and file link, filtered, sorted (-created by default) and paged by cursor.")
            .ProducesValidationProblem();
        group.MapPost("/bulk", LinkBulkEndpoint.RunAsync)
            .RequireScope(ApiScope.Share)
            .LimitAsHeavy()
            .WithName("BulkLinks")
            .WithSummary("Revokes, expires, rotates, removes passwords from or sets denyDownload on every link a filter matches (active links by default); dryRun only counts.")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Results<Ok<LinkPageResponse>, ValidationProblem>> ListAsync(
        [AsParameters] LinkListParameters given, HttpRequest request, LinkInventory inventory, LinkParameters parameters, ActivityReader activity,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var filter = LinkQueryRules.ReadFilter(given.ToInput(errors), errors);
        var sort = LinkQueryRules.ReadSort(given.Sort, errors);
        var limit = LinkQueryRules.ReadLimit(ReadLimit(given.Limit, errors), errors);
        var after = errors.Names("sort") ? null : parameters.Open(given.Cursor, sort, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = await inventory.ListAsync(new LinkQuery(filter, sort, limit, after), cancellationToken);
        var summaries = await activity.SummariesAsync(page.Links, cancellationToken);
        return TypedResults.Ok(new LinkPageResponse(
            [.. page.Links.Select(l => LinkResponse.Listed(l, page.Now, request, summaries.GetValueOrDefault(ActivityReader.LinkOf(l))))],
            page.Next is { } next ? parameters.Seal(next) : null));
    }

    private static int? ReadLimit(string? limit, ValidationErrors errors)
    {
        if (limit is null)
        {
            return null;
        }
        if (int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var read))
        {
            return read;
        }
        errors.Add("limit", $"limit is a whole number between 1 and {LinkQueryRules.MaxPage}.");
        return null;
    }
}

/// <summary>The query string of GET /api/v1/links, read as text so that every mistake is named by its parameter.</summary>
internal sealed record LinkListParameters(
    [property: FromQuery(Name = "kind")] string? Kind,
    [property: FromQuery(Name = "resourceId")] string? ResourceId,
    [property: FromQuery(Name = "fileId")] string? FileId,
    [property: FromQuery(Name = "state")] string? State,
    [property: FromQuery(Name = "hasPassword")] string? HasPassword,
    [property: FromQuery(Name = "denyDownload")] string? DenyDownload,
    [property: FromQuery(Name = "createdAfter")] string? CreatedAfter,
    [property: FromQuery(Name = "createdBefore")] string? CreatedBefore,
    [property: FromQuery(Name = "expiresAfter")] string? ExpiresAfter,
    [property: FromQuery(Name = "expiresBefore")] string? ExpiresBefore,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "limit")] string? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor)
{
    public LinkFilterInput ToInput(ValidationErrors errors) => new()
    {
        Kind = LinkQueryRules.SplitList(Kind),
        ResourceId = LinkParameters.Id("resourceId", ResourceId, errors),
        FileId = LinkParameters.Id("fileId", FileId, errors),
        State = LinkQueryRules.SplitList(State),
        HasPassword = LinkParameters.Flag("hasPassword", HasPassword, errors),
        DenyDownload = LinkParameters.Flag("denyDownload", DenyDownload, errors),
        CreatedAfter = LinkParameters.Time("createdAfter", CreatedAfter, errors),
        CreatedBefore = LinkParameters.Time("createdBefore", CreatedBefore, errors),
        ExpiresAfter = LinkParameters.Time("expiresAfter", ExpiresAfter, errors),
        ExpiresBefore = LinkParameters.Time("expiresBefore", ExpiresBefore, errors),
        Q = Q,
    };
}
