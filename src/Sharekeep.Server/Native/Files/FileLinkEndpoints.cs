using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Links;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Native.Files;

/// <summary>/api/v1/files/{id}/links: external links to a file, made under the link policy.</summary>
internal static class NativeFileLinkEndpoints
{
    public static RouteGroupBuilder MapFileLinks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/files/{fileId:guid}/links").WithTags("Files");
        group.MapPost("/", CreateAsync)
            .RequireScope(ApiScope.Share)
            .WithName("CreateFileLink")
            .WithSummary("Makes an external link to a file under the link policy; the answer never carries the password.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<FileLinkResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid fileId, CreateFileLinkRequest request, HttpRequest http, FileLinkService links, CancellationToken cancellationToken)
    {
        var settings = new LinkSettings
        {
            Title = request.Title,
            Expires = request.Expires,
            DenyDownload = request.DenyDownload,
            Password = request.Password,
        };
        var created = await links.CreateAsync(fileId, null, settings, CredentialClaims.ActorOf(http.HttpContext), cancellationToken);
        return created.Status switch
        {
            OutcomeStatus.Ok => TypedResults.Created($"/api/v1/files/{fileId}/links/{created.Value!.Id}", ToResponse(created.Value, http)),
            OutcomeStatus.NotFound => NativeProblems.NotFound(created.Errors!.FirstMessage()),
            OutcomeStatus.SharingOff => TypedResults.Problem(
                "External sharing of files is switched off.", statusCode: StatusCodes.Status403Forbidden, title: "External sharing is disabled."),
            _ => TypedResults.ValidationProblem(created.Errors!.ToDictionary()),
        };
    }

    private static FileLinkResponse ToResponse(FileLink link, HttpRequest request) => new(
        link.Id, link.FileId, link.Title, PublicUrls.FilePage(request, link.Key), link.Created, link.Expires, link.DenyDownload, link.HasPassword);
}
