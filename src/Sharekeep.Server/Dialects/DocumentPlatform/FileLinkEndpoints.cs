using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>
/// files/file/{fileId}/links and files/file/{fileId}/link: a file's external links, created, changed, revoked
/// and listed, and its primary link. {fileId} is the file's integer id (or its GUID, <see cref="PlatformFiles.FindAsync"/>).
/// </summary>
internal static class FileLinkEndpoints
{
    /// <summary>The platform's own bound on a page of links.</summary>
    public const int MaxCount = 100;

    public static RouteGroupBuilder MapFileLinks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/files/file/{fileId}").WithTags("Document platform: file links");
        group.MapPut("/links", SetAsync)
            .RequireScope(ApiScope.Share)
            .WithName("SetFileExternalLink")
            .WithSummary("Creates a link (no linkId), changes one (its linkId) or revokes one (access 0 or 3). Passwords are never answered.")
            .Produces<PlatformError>(StatusCodes.Status403Forbidden);
        group.MapGet("/links", ListAsync)
            .WithName("GetFileLinks")
            .WithSummary($"The file's active links, oldest first; startIndex and count (1 to {MaxCount}, default {MaxCount}) page through them.");
        group.MapGet("/link", (string fileId, HttpContext context, FileService files, FileLinkService links, TimeProvider time, CancellationToken ct) =>
                PrimaryAsync(fileId, new LinkSettings(), context, files, links, time, ct))
            .RequireScope(ApiScope.Share)
            .WithName("GetFilePrimaryExternalLink")
            .WithSummary("The file's primary link, made (read-only, no password, no expiry) if it never had one; a revoked primary link is 404, not made again.")
            .Produces<PlatformError>(StatusCodes.Status403Forbidden);
        group.MapPost("/link", CreatePrimaryAsync)
            .RequireScope(ApiScope.Share)
            .WithName("CreateFilePrimaryExternalLink")
            .WithSummary("The file's primary link, made with the body's settings if it never had one; an existing one is answered unchanged.")
            .Produces<PlatformError>(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Results<Ok<PlatformEnvelope<FileShareResponse?>>, JsonHttpResult<PlatformError>>> SetAsync(
        string fileId, FileLinkRequest request, HttpContext context, FileService files, FileLinkService links, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await PlatformFiles.FindAsync(files, fileId, cancellationToken) is not { } file)
        {
            return PlatformFiles.NotFound(fileId);
        }
        if (ReadAccess(request.Access) is not { } access)
        {
            return PlatformResults.Error(
                StatusCodes.Status400BadRequest,
                $"access must be {FileShareAccess.Read} (read: Sharekeep links let visitors view and download) or {FileShareAccess.None} to revoke the link.");
        }
        // The platform sends the empty GUID for "a new link".
        var linkId = request.LinkId is { } given && given != Guid.Empty ? given : (Guid?)null;
        if (access is FileShareAccess.None or FileShareAccess.Restrict)
        {
            var revoked = await links.RevokeAsync(file.Id, linkId, CredentialClaims.ActorOf(context), cancellationToken);
            return revoked.IsOk ? PlatformResults.Ok<FileShareResponse?>(context, null) : Refusal(revoked, fileId);
        }
        var (settings, invalid) = Settings(request);
        if (settings is null)
        {
            return PlatformResults.Error(StatusCodes.Status400BadRequest, invalid!);
        }
        // A change applies every field in full, as the platform does: a download flag not sent is false.
        var saved = linkId is { } chosen
            ? await links.UpdateAsync(file.Id, chosen, settings with { DenyDownload = settings.DenyDownload ?? false }, CredentialClaims.ActorOf(context), cancellationToken)
            : await links.CreateAsync(file.Id, null, settings, CredentialClaims.ActorOf(context), cancellationToken);
        if (linkId is not null && saved is { Status: OutcomeStatus.NotFound, Errors: { } missing } && missing.Names("linkId"))
        {
            // A linkId that names no link yet makes a link with that id, as the platform does.
            saved = await links.CreateAsync(file.Id, linkId, settings, CredentialClaims.ActorOf(context), cancellationToken);
        }
        return saved.IsOk
            ? PlatformResults.Ok<FileShareResponse?>(context, PlatformLinks.ToResponse(saved.Value!, context.Request, time.GetUtcNow()))
            : Refusal(saved, fileId);
    }

    private static async Task<Results<Ok<PlatformEnvelope<IReadOnlyList<FileShareResponse>>>, JsonHttpResult<PlatformError>>> ListAsync(
        string fileId, HttpContext context, FileService files, FileLinkService links, TimeProvider time, CancellationToken cancellationToken,
        int startIndex = 0, int count = MaxCount)
    {
        if (startIndex < 0 || count is < 1 or > MaxCount)
        {
            return PlatformResults.Error(
                StatusCodes.Status400BadRequest, $"startIndex must be 0 or more, and count between 1 and {MaxCount}.");
        }
        if (await PlatformFiles.FindAsync(files, fileId, cancellationToken) is not { } file
            || await links.ListAsync(file.Id, cancellationToken) is not { } list)
        {
            return PlatformFiles.NotFound(fileId);
        }
        var now = time.GetUtcNow();
        var page = list.Skip(startIndex).Take(count).Select(link => PlatformLinks.ToResponse(link, context.Request, now)).ToList();
        return PlatformResults.Page<FileShareResponse>(context, page, list.Count);
    }

    private static async Task<Results<Ok<PlatformEnvelope<FileShareResponse>>, JsonHttpResult<PlatformError>>> CreatePrimaryAsync(
        string fileId, FileLinkRequest? request, HttpContext context, FileService files, FileLinkService links, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request is not null && ReadAccess(request.Access) is not FileShareAccess.Read)
        {
            return PlatformResults.Error(
                StatusCodes.Status400BadRequest, $"access must be {FileShareAccess.Read} (read): a primary link is made to be opened.");
        }
        var (settings, invalid) = Settings(request);
        if (settings is null)
        {
            return PlatformResults.Error(StatusCodes.Status400BadRequest, invalid!);
        }
        return await PrimaryAsync(fileId, settings, context, files, links, time, cancellationToken);
    }

    private static async Task<Results<Ok<PlatformEnvelope<FileShareResponse>>, JsonHttpResult<PlatformError>>> PrimaryAsync(
        string fileId, LinkSettings settings, HttpContext context, FileService files, FileLinkService links, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await PlatformFiles.FindAsync(files, fileId, cancellationToken) is not { } file)
        {
            return PlatformFiles.NotFound(fileId);
        }
        var primary = await links.PrimaryAsync(file.Id, settings, CredentialClaims.ActorOf(context), cancellationToken);
        return primary.IsOk
            ? PlatformResults.Ok(context, PlatformLinks.ToResponse(primary.Value!, context.Request, time.GetUtcNow()))
            : Refusal(primary, fileId);
    }

    /// <summary>The request's link settings, or the 400 message that names the field it got wrong.</summary>
    private static (LinkSettings? Settings, string? Error) Settings(FileLinkRequest? request)
    {
        if (request?.Internal == true)
        {
            return (null, "internal links need portal accounts, which Sharekeep does not have; send internal false or leave it out.");
        }
        var (expires, error) = PlatformDates.Read(request?.ExpirationDate, "expirationDate");
        if (error is not null)
        {
            return (null, error);
        }
        return (new LinkSettings
        {
            Title = request?.Title,
            Expires = expires,
            // Not sent: a new link takes the link policy's default, a change keeps the link's own.
            DenyDownload = request?.DenyDownload,
            Primary = request?.Primary ?? false,
            Password = request?.Password,
        }, null);
    }

    private static JsonHttpResult<PlatformError> Refusal(Outcome<FileLink> outcome, string fileId) => outcome.Status switch
    {
        OutcomeStatus.NotFound when outcome.Errors!.Names("fileId") => PlatformFiles.NotFound(fileId),
        OutcomeStatus.NotFound => PlatformResults.Error(StatusCodes.Status404NotFound, outcome.Errors!.FirstMessage()),
        OutcomeStatus.SharingOff => PlatformResults.Error(
            StatusCodes.Status403Forbidden, "External sharing is turned off (PUT api/2.0/files/settings/external); no new link can be made."),
        _ => PlatformResults.Error(StatusCodes.Status400BadRequest, outcome.Errors!.FirstMessage()),
    };

    /// <summary>Absent means read; null when the value is not one a read-only link can have.</summary>
    private static int? ReadAccess(JsonElement? access)
    {
        if (access is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return FileShareAccess.Read;
        }
        int? number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String => value.GetString()?.ToUpperInvariant() switch
            {
                "NONE" => FileShareAccess.None,
                "READ" => FileShareAccess.Read,
                "RESTRICT" => FileShareAccess.Restrict,
                _ => null,
            },
            _ => null,
        };
        return number is FileShareAccess.None or FileShareAccess.Read or FileShareAccess.Restrict ? number : null;
    }
}
