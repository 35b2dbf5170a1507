using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Hosting;
using Sharekeep.Server.Native.Files;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>
/// files/{folderId}/upload and files/file/{fileId}: uploading, describing and deleting files in the platform's
/// shapes, so that its clients never need the native API. Sharekeep has one folder, "@my" (id 1).
/// </summary>
internal static class PlatformFileEndpoints
{
    public static RouteGroupBuilder MapPlatformFiles(this IEndpointRouteBuilder routes)
    {
        var maxRequest = routes.ServiceProvider.GetRequiredService<IOptions<FilesOptions>>().Value.MaxUploadRequestBytes;
        var group = routes.MapGroup("/files").WithTags("Document platform: files");
        group.MapPost("/{folderId}/upload", UploadAsync)
            .RequireScope(ApiScope.Content)
            .WithName("UploadFileToFolder")
            .WithSummary($"Uploads one file (multipart/form-data, streamed) to the folder {PlatformFolder.My} (or its id, {PlatformFolder.MyId}); answers a list of the one file, with its integer id.")
            .WithMetadata(new BodyLimit(maxRequest))
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<PlatformError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<PlatformError>(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/file/{fileId}", GetAsync).WithName("GetPlatformFileInfo").WithSummary("The file, by its integer id (or GUID).");
        group.MapDelete("/file/{fileId}", DeleteAsync)
            .RequireScope(ApiScope.Content)
            .WithName("DeletePlatformFile")
            .WithSummary("Deletes the file, its bytes and its links at once (Sharekeep has no trash); answers the finished delete operation.");
        return group;
    }

    /// <summary>The platform answers the files an upload made, as a list; Sharekeep's uploads make one.</summary>
    private static async Task<Results<Ok<PlatformEnvelope<IReadOnlyList<PlatformFileResponse>>>, JsonHttpResult<PlatformError>>> UploadAsync(
        string folderId, HttpRequest request, FileService files, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        if (folderId != PlatformFolder.My && folderId != PlatformFolder.MyId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return PlatformResults.Error(
                StatusCodes.Status404NotFound,
                $"There is no folder with id {folderId}: Sharekeep has one folder, {PlatformFolder.My} (id {PlatformFolder.MyId}).");
        }
        var maxBytes = options.Value.MaxUploadBytes;
        var (upload, errorStatus, error) = await MultipartUpload.ReadAsync(
            request, (name, type, body) => files.UploadAsync(name, type, body, maxBytes, CredentialClaims.ActorOf(request.HttpContext), cancellationToken), cancellationToken);
        if (upload is not { } outcome)
        {
            return PlatformResults.Error(errorStatus, error!);
        }
        return outcome.Status switch
        {
            OutcomeStatus.Ok => PlatformResults.Ok<IReadOnlyList<PlatformFileResponse>>(
                request.HttpContext, [PlatformFiles.ToResponse(outcome.Value!, false, request)]),
            OutcomeStatus.TooLarge => PlatformResults.Error(
                StatusCodes.Status413PayloadTooLarge, $"Files are at most {maxBytes} bytes here (Sharekeep:Files:MaxUploadBytes)."),
            _ => PlatformResults.Error(StatusCodes.Status400BadRequest, outcome.Errors!.FirstMessage()),
        };
    }

    private static async Task<Results<Ok<PlatformEnvelope<PlatformFileResponse>>, JsonHttpResult<PlatformError>>> GetAsync(
        string fileId, HttpContext context, FileService files, FileLinkService links, CancellationToken cancellationToken)
    {
        if (await PlatformFiles.FindAsync(files, fileId, cancellationToken) is not { } file)
        {
            return PlatformFiles.NotFound(fileId);
        }
        var shared = await links.ListAsync(file.Id, cancellationToken) is { Count: > 0 };
        return PlatformResults.Ok(context, PlatformFiles.ToResponse(file, shared, context.Request));
    }

    private static async Task<Results<Ok<PlatformEnvelope<IReadOnlyList<FileOperationResponse>>>, JsonHttpResult<PlatformError>>> DeleteAsync(
        string fileId, HttpContext context, FileService files, CancellationToken cancellationToken)
    {
        if (await PlatformFiles.FindAsync(files, fileId, cancellationToken) is not { } file
            || !await files.DeleteAsync(file.Id, CredentialClaims.ActorOf(context), cancellationToken))
        {
            return PlatformFiles.NotFound(fileId);
        }
        var operation = new FileOperationResponse(
            Guid.NewGuid().ToString(), FileOperationType.Delete, 100, null, "1", true, [PlatformFiles.ToResponse(file, false, context.Request)], []);
        return PlatformResults.Ok<IReadOnlyList<FileOperationResponse>>(context, [operation]);
    }
}
