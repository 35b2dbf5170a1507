using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Server.Pages;
using Sharekeep.Server.Public.Pages;

namespace Sharekeep.Server.Public;

/// <summary>/s/{key}: a file link's public page, its password form, and its bytes. No API key; the key is the credential.</summary>
internal static class FileLinkPages
{
    private const int TextPreviewChars = 64 * 1024;

    public static IEndpointRouteBuilder MapFileLinkPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/s/{key}")
            .WithTags("Public file links")
            .AllowAnonymous()
            .WithHeaders(HeaderPolicy.KeyInUrl);
        group.MapGet("/", ShowAsync)
            .WithName("FileLinkPage")
            .WithSummary("The file's page: preview, download, or password form.")
            .WithHeaders(HeaderPolicy.FilePage);
        // The token is checked here rather than by form binding, so that a stale form gets the page back
        // with a plain message instead of a JSON error.
        group.MapPost("/", UnlockAsync)
            .WithName("UnlockFileLink")
            .WithSummary("The password form's target (a plain HTML form).")
            .WithHeaders(HeaderPolicy.FilePage)
            .DisableAntiforgery();
        group.MapGet("/content", ContentAsync)
            .WithName("FileLinkContent")
            .WithSummary("The file's bytes, ranges supported; ?disposition=inline for previews.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>
    /// The page is rendered once per version of the link and its file (and per address and social-media switch it
    /// shows), and once per refusal; only the password form is rendered per request, since it carries the visitor's
    /// antiforgery token. An unlocked link's page is kept too: the cookie is checked on every request before the page
    /// is looked up, and the page holds nothing of the visitor.
    /// </summary>
    private static async Task<Results<PreparedPage, RazorComponentResult<FileLinkPage>>> ShowAsync(
        string key, HttpContext context, FileLinkService links, LinkUnlockCookies cookies, RenderedPages pages, CancellationToken cancellationToken)
    {
        var visit = await links.OpenAsync(key, id => cookies.Read(context.Request, id), cancellationToken);
        if (visit.Status is VisitStatus.PasswordRequired or VisitStatus.InvalidPassword or VisitStatus.TooManyAttempts)
        {
            return await PageAsync(context, key, visit, null, cancellationToken);
        }
        SetVisitHeaders(context, visit);
        byte[] body;
        if (visit is { IsOpen: true, Link: { } link, File: { } file })
        {
            VisitCounting.Viewed(context, ActivityLink.File(link.Id));
            var url = PublicUrls.FilePage(context.Request, key);
            // Rendered for every visitor who opens it: nothing of this request's own (its cancellation) goes in.
            body = await pages.GetOrRenderAsync<FileLinkPage>(
                new PageKey("file", key, $"{visit.SocialMedia} {url}"), [link, file], async () => await ModelAsync(context, key, url, visit, null, CancellationToken.None));
        }
        else
        {
            // A refusal shows neither the key nor the address, so one page serves every key refused alike.
            body = await pages.GetOrRenderAsync<FileLinkPage>(
                new PageKey("file", "", visit.Status.ToString()), [], async () => await ModelAsync(context, "", "", visit, null, CancellationToken.None));
        }
        return new PreparedPage(body, StatusCodeOf(visit.Status));
    }

    private static async Task<Results<RedirectHttpResult, RazorComponentResult<FileLinkPage>>> UnlockAsync(
        string key, HttpContext context, FileLinkService links, LinkUnlockCookies cookies, CancellationToken cancellationToken)
    {
        if (await PageForms.CheckAsync(context) is not FormCheck.Valid and var refused)
        {
            var stale = await links.OpenAsync(key, id => cookies.Read(context.Request, id), cancellationToken);
            var message = refused == FormCheck.Stale
                ? "The form had expired; enter the password again."
                : "The form could not be read; enter the password again.";
            var page = await PageAsync(context, key, stale, message, cancellationToken);
            if (stale.Status is VisitStatus.PasswordRequired)
            {
                page.StatusCode = StatusCodes.Status400BadRequest;
            }
            return page;
        }
        var visit = await links.TryPasswordAsync(key, context.Request.Form["password"].FirstOrDefault(), ClientAddress.NetworkOf(context), cancellationToken);
        if (visit.IsOpen)
        {
            cookies.IssueIfUnlocked(context, visit);
            // Post/redirect/get: a reload does not send the password again.
            return TypedResults.Redirect(PublicUrls.FilePagePath(key));
        }
        var error = visit.Status == VisitStatus.InvalidPassword ? "That password is not right." : null;
        return await PageAsync(context, key, visit, error, cancellationToken);
    }

    private static async Task<Results<FileAnswer, ProblemHttpResult>> ContentAsync(
        string key, string? disposition, HttpContext context, FileLinkService links, FileService files, LinkUnlockCookies cookies,
        DownloadOffload offload, CancellationToken cancellationToken)
    {
        var visit = await links.OpenAsync(key, id => cookies.Read(context.Request, id), cancellationToken);
        if (visit is not { IsOpen: true, File: { } file, Link: { } link })
        {
            var (status, detail) = StatusOf(visit.Status);
            return TypedResults.Problem(detail, statusCode: status, title: "The file cannot be opened.");
        }
        var preview = FileRules.PreviewOf(file.ContentType);
        var inline = string.Equals(disposition, "inline", StringComparison.OrdinalIgnoreCase) && preview != PreviewKind.None;
        // A view-only link serves only what its page embeds; the whole file, in any other way, is a download.
        if (link.DenyDownload && !(inline && FileRules.PageEmbedsContent(preview)))
        {
            return TypedResults.Problem(
                "The owner of this link allows viewing only.", statusCode: StatusCodes.Status403Forbidden, title: "Download is not allowed.");
        }
        if (files.OpenContent(file) is not { } stream)
        {
            return TypedResults.Problem("The file's content is missing.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }
        if (inline)
        {
            // What the page embeds (its image, its PDF, its video): part of the page's view, not counted again.
            return FileContent.Inline(context, offload, file, stream);
        }
        VisitCounting.Downloaded(context, ActivityLink.File(link.Id));
        return FileContent.Download(context, offload, file, stream);
    }

    private static async Task<RazorComponentResult<FileLinkPage>> PageAsync(
        HttpContext context, string key, LinkVisit visit, string? passwordError, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(context, key, PublicUrls.FilePage(context.Request, key), visit, passwordError, cancellationToken);
        SetVisitHeaders(context, visit);
        return new RazorComponentResult<FileLinkPage>(new { Model = model }) { StatusCode = StatusCodeOf(visit.Status) };
    }

    private static async Task<FileLinkPageModel> ModelAsync(
        HttpContext context, string key, string pageUrl, LinkVisit visit, string? passwordError, CancellationToken cancellationToken)
    {
        var (text, cut) = visit is { IsOpen: true, File: { } file } && FileRules.PreviewOf(file.ContentType) == PreviewKind.Text
            ? await ReadTextPreviewAsync(context.RequestServices.GetRequiredService<FileService>(), file, cancellationToken)
            : (null, false);
        var tokens = visit.Status is VisitStatus.PasswordRequired or VisitStatus.InvalidPassword
            ? context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context)
            : null;
        return new FileLinkPageModel(
            visit.Status,
            key,
            pageUrl,
            visit.File,
            visit.Link,
            visit.SocialMedia,
            text,
            cut,
            passwordError,
            visit.RetryAfter,
            tokens?.FormFieldName ?? "",
            tokens?.RequestToken);
    }

    private static int StatusCodeOf(VisitStatus status) => status switch
    {
        VisitStatus.Ok or VisitStatus.PasswordRequired or VisitStatus.InvalidPassword => StatusCodes.Status200OK,
        _ => StatusOf(status).Status,
    };

    private static void SetVisitHeaders(HttpContext context, LinkVisit visit)
    {
        if (visit.Status is VisitStatus.TooManyAttempts or VisitStatus.PasswordChecksBusy)
        {
            context.Response.Headers.RetryAfter = RetryAfter.Seconds(visit.RetryAfter!.Value);
        }
        if (!visit.SocialMedia)
        {
            // The rest of the page's headers come from HeaderPolicy.FilePage; this one depends on the switch.
            context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        }
    }

    private static (int Status, string Detail) StatusOf(VisitStatus status) => status switch
    {
        VisitStatus.Expired => (StatusCodes.Status410Gone, "This link has expired."),
        VisitStatus.ExternalSharingDisabled => (StatusCodes.Status403Forbidden, "Sharing of files by link is turned off."),
        VisitStatus.PasswordRequired or VisitStatus.InvalidPassword => (StatusCodes.Status401Unauthorized, "This link needs its password: open its page and give it there."),
        VisitStatus.TooManyAttempts => (StatusCodes.Status429TooManyRequests, "Too many wrong passwords; wait before trying again."),
        VisitStatus.PasswordChecksBusy => (StatusCodes.Status429TooManyRequests, "Many passwords are being checked right now; try again in a moment."),
        VisitStatus.Revoked => (StatusCodes.Status404NotFound, "This link was revoked."),
        _ => (StatusCodes.Status404NotFound, "There is nothing at this link."),
    };

    private static async Task<(string? Text, bool Cut)> ReadTextPreviewAsync(FileService files, StoredFile file, CancellationToken cancellationToken)
    {
        await using var stream = files.OpenContent(file);
        if (stream is null)
        {
            return (null, false);
        }
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[TextPreviewChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        var more = read == TextPreviewChars && await reader.ReadAsync(new char[1], cancellationToken) > 0;
        return (new string(buffer, 0, read), more);
    }
}
