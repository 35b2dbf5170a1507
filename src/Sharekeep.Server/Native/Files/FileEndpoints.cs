using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Hosting;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Files;

internal static class FileEndpoints
{
    public static RouteGroupBuilder MapFiles(this IEndpointRouteBuilder routes)
    {
        var maxRequest = routes.ServiceProvider.GetRequiredService<IOptions<FilesOptions>>().Value.MaxUploadRequestBytes;
        var group = routes.MapGroup("/files").WithTags("Files");
        group.MapPost("/", UploadAsync)
            .RequireScope(ApiScope.Content)
            .WithName("UploadFile")
            .WithSummary("Uploads one file as multipart/form-data; its bytes are streamed to the data directory.")
            .WithMetadata(new BodyLimit(maxRequest))
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", ListAsync).WithName("ListFiles").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFile").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/content", GetContentAsync)
            .WithName("GetFileContent")
            .WithSummary("The file's bytes, as a download; range requests are supported.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync)
            .RequireScope(ApiScope.Content)
            .WithName("DeleteFile")
            .WithSummary("Deletes a file, its bytes and every link to it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<FileResponse>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        HttpRequest request, FileService files, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        var (upload, errorStatus, error) = await MultipartUpload.ReadAsync(
            request, (name, type, body) => files.UploadAsync(name, type, body, options.Value.MaxUploadBytes, CredentialClaims.ActorOf(request.HttpContext), cancellationToken), cancellationToken);
        if (upload is not { } outcome)
        {
            return errorStatus == StatusCodes.Status415UnsupportedMediaType
                ? TypedResults.Problem(error, statusCode: errorStatus, title: "Unsupported media type.")
                : NativeProblems.BadRequest(error!);
        }
        return outcome.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Created($"/api/v1/files/{outcome.Value!.Id}", ToResponse(outcome.Value)),
            OutcomeStatus.TooLarge => TypedResults.Problem(
                $"Files are at most {options.Value.MaxUploadBytes} bytes here (Sharekeep:Files:MaxUploadBytes).",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The file is too large."),
            _ => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<FileResponse>>, ProblemHttpResult>> ListAsync(
        FileService files, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > FileService.MaxListPage)
        {
            return NativeProblems.BadRequest($"limit is between 1 and {FileService.MaxListPage}.");
        }
        return TypedResults.Ok<IReadOnlyList<FileResponse>>((await files.ListAsync(limit, cancellationToken)).Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<FileResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FileService files, CancellationToken cancellationToken) =>
        await files.FindAsync(id, cancellationToken) is { } file
            ? TypedResults.Ok(ToResponse(file))
            : NotFound(id);

    private static async Task<Results<FileAnswer, ProblemHttpResult>> GetContentAsync(
        Guid id, FileService files, HttpContext context, DownloadOffload offload, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(id, cancellationToken) is not { } file || files.OpenContent(file) is not { } stream)
        {
            return NotFound(id);
        }
        return FileContent.Download(context, offload, file, stream);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, FileService files, HttpContext context, CancellationToken cancellationToken) =>
        await files.DeleteAsync(id, CredentialClaims.ActorOf(context), cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(Guid id) => NativeProblems.NotFound($"There is no file with id {id}.");

    private static FileResponse ToResponse(StoredFile file) =>
        new(file.Id, file.Number, file.Name, file.ContentType, file.Size, file.Sha256, file.Created);
}
