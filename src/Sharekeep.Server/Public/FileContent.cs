using Microsoft.Net.Http.Headers;
using Sharekeep.Core.Files;

namespace Sharekeep.Server.Public;

/// <summary>
/// Answers with a file's bytes, ranges included. Nothing uploaded is ever interpreted by the browser as a page
/// of ours: active types (HTML, SVG, XML) only ever go out as attachments, and never with sniffing.
/// </summary>
internal static class FileContent
{
    public static FileAnswer Download(HttpContext context, DownloadOffload offload, StoredFile file, Stream stream)
    {
        Harden(context.Response);
        if (offload.TargetFor(context.Request, file) is { } target)
        {
            return FileAnswer.Offloaded(stream, target, file.ContentType, Disposition("attachment", file));
        }
        return FileAnswer.Sent(TypedResults.File(
            stream, file.ContentType, file.Name, file.Created, new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true));
    }

    /// <summary>For previews: inline, and only for types that <see cref="FileRules.PreviewOf"/> knows to be inert.</summary>
    public static FileAnswer Inline(HttpContext context, DownloadOffload offload, StoredFile file, Stream stream)
    {
        var preview = FileRules.PreviewOf(file.ContentType);
        if (preview == PreviewKind.None)
        {
            return Download(context, offload, file, stream);
        }
        var response = context.Response;
        Harden(response, pdf: preview == PreviewKind.Pdf);
        var contentType = preview == PreviewKind.Text ? "text/plain; charset=utf-8" : file.ContentType;
        var disposition = Disposition("inline", file);
        if (offload.TargetFor(context.Request, file) is { } target)
        {
            return FileAnswer.Offloaded(stream, target, contentType, disposition);
        }
        response.Headers.ContentDisposition = disposition;
        return FileAnswer.Sent(TypedResults.File(
            stream, contentType, null, file.Created, new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true));
    }

    private static string Disposition(string type, StoredFile file)
    {
        var disposition = new ContentDispositionHeaderValue(type);
        disposition.SetHttpFileName(file.Name);
        return disposition.ToString();
    }

    private static void Harden(HttpResponse response, bool pdf = false)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        // Were a browser to render it anyway, the document could run nothing and reach nothing. The browser's
        // PDF viewer does not start in a sandbox, so a PDF gets only the framing rule (our pages may embed it).
        response.Headers.ContentSecurityPolicy = pdf ? "frame-ancestors 'self'" : "default-src 'none'; frame-ancestors 'self'; sandbox";
    }
}
