using System.Net.Http.Headers;

namespace Sharekeep.Core.Files;

/// <summary>What an uploaded file's name and type may be.</summary>
public static class FileRules
{
    public const int MaxNameLength = 255;
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>
    /// The last segment of a client-sent name (browsers and curl may send a path), trimmed; null when nothing
    /// usable is left. Control characters are refused because the name goes into headers and pages, invisible
    /// formatting (<see cref="VisibleText"/>) because people decide by reading it.
    /// </summary>
    public static string? CleanName(string? name)
    {
        if (name is null)
        {
            return null;
        }
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var clean = name[(lastSeparator + 1)..].Trim();
        return clean.Length == 0 || clean.Length > MaxNameLength || VisibleText.HasControlOrHiddenFormatting(clean) || clean is "." or ".."
            ? null
            : clean;
    }

    /// <summary>A well-formed media type, lower-cased, or the generic binary type.</summary>
    public static string NormalizeContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } mediaType && mediaType.Contains('/', StringComparison.Ordinal)
            ? parsed.ToString().ToLowerInvariant()
            : DefaultContentType;

    /// <summary>Types a browser would run as active content from our origin; they are only ever downloaded.</summary>
    public static bool IsActiveContent(string contentType)
    {
        var mediaType = MediaTypeOf(contentType);
        return mediaType is "text/html" or "application/xhtml+xml" or "image/svg+xml" or "text/xml" or "application/xml"
            || mediaType.EndsWith("+xml", StringComparison.Ordinal)
            || mediaType is "text/javascript" or "application/javascript" or "application/x-shockwave-flash";
    }

    /// <summary>How a page may show the file without running it.</summary>
    public static PreviewKind PreviewOf(string contentType)
    {
        if (IsActiveContent(contentType))
        {
            return PreviewKind.None;
        }
        var mediaType = MediaTypeOf(contentType);
        return mediaType switch
        {
            "image/png" or "image/jpeg" or "image/gif" or "image/webp" or "image/avif" or "image/bmp" => PreviewKind.Image,
            "application/pdf" => PreviewKind.Pdf,
            "text/plain" or "text/csv" or "text/markdown" or "application/json" => PreviewKind.Text,
            _ => PreviewKind.None,
        };
    }

    /// <summary>
    /// Whether a file page embeds the file's own bytes for its preview (an image, a PDF). A text preview is
    /// written into the page, so a view-only link has no reason to serve a text file's bytes at all.
    /// </summary>
    public static bool PageEmbedsContent(PreviewKind preview) => preview is PreviewKind.Image or PreviewKind.Pdf;

    private static string MediaTypeOf(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}

public enum PreviewKind
{
    None,
    Image,
    Pdf,
    Text,
}
