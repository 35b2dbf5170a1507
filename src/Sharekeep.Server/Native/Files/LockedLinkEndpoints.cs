using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Links;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Files;

/// <summary>
/// /api/v1/locked-links: file links that take no password tries for now, because too many wrong ones came (from
/// any address), and the administrator's way to let tries in again.
/// </summary>
internal static class LockedLinkEndpoints
{
    public static RouteGroupBuilder MapLockedLinks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/locked-links").WithTags("Locked links");
        group.MapGet("/", ListAsync)
            .WithName("ListLockedLinks")
            .WithSummary("Links locked by wrong passwords, most failures first, with when each unlocks by itself.");
        group.MapDelete("/{linkId:guid}", UnlockAsync)
            .RequireScope(ApiScope.Share)
            .WithName("UnlockLink")
            .WithSummary("Forgets a link's wrong passwords, so that it takes tries again at once, on every instance.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<LockedLinkResponse>>> ListAsync(FileLinkService links, CancellationToken cancellationToken)
    {
        var locked = await links.ListLockedAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LockedLinkResponse>>(
            [.. locked.Select(l => new LockedLinkResponse(l.Link.Id, l.Link.FileId, l.Link.Title, l.Failures, l.LockedUntil))]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(
        Guid linkId, FileLinkService links, CancellationToken cancellationToken) =>
        (await links.UnlockAsync(linkId, cancellationToken)).IsOk
            ? TypedResults.NoContent()
            : Errors.NativeProblems.NotFound("There is no link with this id.");
}

/// <summary>A locked link: failures counted in the link's window, and when the oldest of them leaves it.</summary>
internal sealed record LockedLinkResponse(Guid LinkId, Guid FileId, string Title, int Failures, DateTimeOffset LockedUntil);
