using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Links;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>files/file/{fileId}/links: a file's external links, created, changed, revoked and listed.</summary>
internal static class FileLinkEndpoints
{
    public static RouteGroupBuilder MapFileLinks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/files/file/{fileId}/links").WithTags("Document platform: file links");
        group.MapPut("/", SetAsync)
            .RequireScope(ApiScope.Share)
            .WithName("SetFileExternalLink")
            .WithSummary("Creates a link (no linkId), changes one (its linkId) or revokes one (access 0 or 3). Passwords are never answered.")
            .Produces<PlatformError>(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithName("GetFileLinks").WithSummary("The file's active links.");
        return group;
    }

    private static async Task<Results<Ok<PlatformEnvelope<FileShareResponse?>>, JsonHttpResult<PlatformError>>> SetAsync(
        string fileId, FileLinkRequest request, HttpContext context, FileLinkService links, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(fileId, out var id))
        {
            return FileNotFound(fileId);
        }
        if (ReadAccess(request.Access) is not { } access)
        {
            return PlatformResults.Error(
                StatusCodes.Status400BadRequest,
                $"access must be {FileShareAccess.Read} (read: Sharekeep links let visitors view and download) or {FileShareAccess.None} to revoke the link.");
        }
        if (request.Internal == true)
        {
            return PlatformResults.Error(
                StatusCodes.Status400BadRequest,
                "internal links need portal accounts, which Sharekeep does not have; send internal false or leave it out.");
        }
        // The platform sends the empty GUID for "a new link".
        var linkId = request.LinkId is { } given && given != Guid.Empty ? given : (Guid?)null;
        if (access is FileShareAccess.None or FileShareAccess.Restrict)
        {
            var revoked = await links.RevokeAsync(id, linkId, cancellationToken);
            return revoked.IsOk ? PlatformResults.Ok<FileShareResponse?>(context, null) : Refusal(revoked, fileId);
        }
        var settings = new LinkSettings
        {
            Title = request.Title,
            Expires = request.ExpirationDate,
            DenyDownload = request.DenyDownload ?? false,
            Primary = request.Primary ?? false,
            Password = request.Password,
        };
        var saved = linkId is { } chosen
            ? await links.UpdateAsync(id, chosen, settings, cancellationToken)
            : await links.CreateAsync(id, null, settings, cancellationToken);
        if (linkId is not null && saved is { Status: OutcomeStatus.NotFound, Errors: { } missing } && missing.Names("linkId"))
        {
            // A linkId that names no link yet makes a link with that id, as the platform does.
            saved = await links.CreateAsync(id, linkId, settings, cancellationToken);
        }
        return saved.IsOk
            ? PlatformResults.Ok<FileShareResponse?>(context, ToResponse(saved.Value!, context.Request, time.GetUtcNow()))
            : Refusal(saved, fileId);
    }

    private static JsonHttpResult<PlatformError> Refusal(Outcome<FileLink> outcome, string fileId) => outcome.Status switch
    {
        OutcomeStatus.NotFound when outcome.Errors!.Names("fileId") => FileNotFound(fileId),
        OutcomeStatus.NotFound => PlatformResults.Error(StatusCodes.Status404NotFound, outcome.Errors!.FirstMessage()),
        OutcomeStatus.SharingOff => PlatformResults.Error(
            StatusCodes.Status403Forbidden, "External sharing is turned off (PUT api/2.0/files/settings/external); no new link can be made."),
        _ => PlatformResults.Error(StatusCodes.Status400BadRequest, outcome.Errors!.FirstMessage()),
    };

    private static async Task<Results<Ok<PlatformEnvelope<IReadOnlyList<FileShareResponse>>>, JsonHttpResult<PlatformError>>> ListAsync(
        string fileId, HttpContext context, FileLinkService links, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(fileId, out var id) || await links.ListAsync(id, cancellationToken) is not { } list)
        {
            return FileNotFound(fileId);
        }
        var now = time.GetUtcNow();
        return PlatformResults.Ok<IReadOnlyList<FileShareResponse>>(context, list.Select(link => ToResponse(link, context.Request, now)).ToList());
    }

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

    private static FileShareResponse ToResponse(FileLink link, HttpRequest request, DateTimeOffset now) => new(
        FileShareAccess.Read,
        new FileShareLinkResponse(
            link.Id,
            link.Title,
            PublicUrls.FilePage(request, link.Key),
            link.Expires,
            FileShareLinkType.External,
            link.DenyDownload,
            link.IsExpired(now),
            link.Primary,
            false,
            link.Key),
        false,
        false,
        true,
        link.Primary ? ShareSubjectType.PrimaryExternalLink : ShareSubjectType.ExternalLink);

    private static JsonHttpResult<PlatformError> FileNotFound(string fileId) =>
        PlatformResults.Error(StatusCodes.Status404NotFound, $"There is no file with id {fileId}.");
}
