using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Links;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Files;

/// <summary>
/// /api/v1/locked-links and /api/v1/locked-networks: file links, and client networks, that take no password tries
/// for now because too many wrong ones came, and the administrator's way to let tries in again.
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

    public static RouteGroupBuilder MapLockedNetworks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/locked-networks").WithTags("Locked links");
        group.MapGet("/", ListNetworksAsync)
            .WithName("ListLockedNetworks")
            .WithSummary("Client networks (an IPv4 address, an IPv6 /64) whose password tries are refused on every link for now.");
        // The network is the rest of the path, since an IPv6 one ends in "/64".
        group.MapDelete("/{**network}", UnlockNetworkAsync)
            .RequireScope(ApiScope.Share)
            .WithName("UnlockNetwork")
            .WithSummary("Forgets a network's wrong passwords for the network (they still count for their links), on every instance.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<LockedLinkResponse>>> ListAsync(FileLinkService links, CancellationToken cancellationToken)
    {
        var locked = await links.ListLockedAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LockedLinkResponse>>(
            [.. locked.Select(l => new LockedLinkResponse(l.Link.Id, l.Link.FileId, l.Link.Title, l.Failures, l.LockedUntil))]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(
        Guid linkId, FileLinkService links, HttpContext context, CancellationToken cancellationToken) =>
        (await links.UnlockAsync(linkId, CredentialClaims.ActorOf(context), cancellationToken)).IsOk
            ? TypedResults.NoContent()
            : Errors.NativeProblems.NotFound("There is no link with this id.");

    private static async Task<Ok<IReadOnlyList<LockedNetworkResponse>>> ListNetworksAsync(FileLinkService links, CancellationToken cancellationToken)
    {
        var locked = await links.ListLockedNetworksAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LockedNetworkResponse>>([.. locked.Select(n => new LockedNetworkResponse(n.Network, n.Failures, n.LockedUntil))]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlockNetworkAsync(
        string network, FileLinkService links, HttpContext context, CancellationToken cancellationToken)
    {
        if (!Public.ClientAddress.IsNetwork(network))
        {
            return Errors.NativeProblems.BadRequest("network is an IPv4 address or an IPv6 /64 as the list names it, e.g. 2001:db8:1:2::/64.");
        }
        await links.UnlockNetworkAsync(network, CredentialClaims.ActorOf(context), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>A locked network: failures counted in the network's window, and when the oldest of them leaves it.</summary>
internal sealed record LockedNetworkResponse(string Network, int Failures, DateTimeOffset LockedUntil);

/// <summary>A locked link: failures counted in the link's window, and when the oldest of them leaves it.</summary>
internal sealed record LockedLinkResponse(Guid LinkId, Guid FileId, string Title, int Failures, DateTimeOffset LockedUntil);
