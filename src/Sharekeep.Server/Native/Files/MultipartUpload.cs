using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Sharekeep.Core;
using Sharekeep.Core.Files;

namespace Sharekeep.Server.Native.Files;

/// <summary>
/// Finds the first file part of a multipart body and hands its stream on as it arrives, so an upload is never
/// held whole in memory (IFormFile would buffer it first).
/// </summary>
internal static class MultipartUpload
{
    /// <summary>
    /// The upload in a request: its answer, or the status (400 or 415) and words for a request that is not a
    /// multipart body with a file part.
    /// </summary>
    public static async Task<(Outcome<StoredFile>? Upload, int ErrorStatus, string? Error)> ReadAsync(
        HttpRequest request, Func<string, string?, Stream, Task<Outcome<StoredFile>>> store, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "Send the file as multipart/form-data, in a part with a filename (curl -F file=@path).");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, StatusCodes.Status400BadRequest, "The multipart body has no boundary.");
        }
        var (upload, error) = await ReadAsync(request.Body, boundary, store, cancellationToken);
        return (upload, StatusCodes.Status400BadRequest, error);
    }

    /// <summary>The upload's answer, or why the body could not be read as one.</summary>
    public static async Task<(Outcome<StoredFile>? Upload, string? Error)> ReadAsync(
        Stream body, string boundary, Func<string, string?, Stream, Task<Outcome<StoredFile>>> store, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFileDisposition())
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    return (await store(name, section.ContentType, section.Body), null);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or (IOException and not BadHttpRequestException))
        {
            // The reader's own words for a broken body (missing boundary, oversized headers); they hold nothing of ours.
            return (null, $"The multipart body is malformed: {exception.Message}");
        }
        return (null, "The body has no file part: send one part with a filename (curl -F file=@path).");
    }
}
