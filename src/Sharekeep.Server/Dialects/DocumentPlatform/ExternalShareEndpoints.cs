using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>files/share/{key}: what a visitor's key opens, and the password that unlocks it. No API key needed.</summary>
internal static class ExternalShareEndpoints
{
    private static readonly ConditionalWeakTable<FileLink, PreparedOpenAnswer> OpenAnswers = new();

    public static RouteGroupBuilder MapExternalShare(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/files/share/{key}")
            .WithTags("Document platform: external share")
            .AllowAnonymous()
            .WithHeaders(HeaderPolicy.KeyInUrl);
        group.MapGet("/", GetAsync)
            .WithName("GetExternalShareData")
            .WithSummary("The link's status (0 ok, 1 invalid, 2 expired, 3 password required, 4 wrong password, 5 external access denied); the file only when open.");
        group.MapPost("/password", ApplyPasswordAsync)
            .WithName("ApplyExternalSharePassword")
            .WithSummary("Gives a link's password; the right one sets an HttpOnly cookie that opens the link for this browser session.")
            .Produces<PlatformError>(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static async Task<PreparedJsonResult<PlatformEnvelope<ExternalShareResponse>>> GetAsync(
        string key, HttpContext context, FileLinkService links, LinkUnlockCookies cookies, IOptions<DocumentPlatformOptions> options,
        CancellationToken cancellationToken)
    {
        var visit = await links.OpenAsync(key, id => cookies.Read(context.Request, id), cancellationToken);
        if (visit is { IsOpen: true, Link: { } opened })
        {
            // The platform's client asks this before it shows the file: its view.
            VisitCounting.Viewed(context, ActivityLink.File(opened.Id));
        }
        var envelope = PlatformResults.Envelope(context, ResponseJson(visit, options.Value.TenantId));
        return new(PreparedJson.Of(envelope, VisitorJson.Default.PlatformEnvelopePreparedJson));
    }

    /// <summary>
    /// An open link's answer is prepared once per cached link record (and kept only while its file record is the same
    /// instance): a change to either drops the record from the storage cache, and so these bytes. The other
    /// answers depend on the visit (its cookie, the switch) and are small; they are written afresh.
    /// </summary>
    private static PreparedJson ResponseJson(LinkVisit visit, int tenantId)
    {
        if (visit is not { IsOpen: true, Link: { } link, File: { } file })
        {
            return PreparedJson.Of(ToResponse(visit, tenantId), VisitorJson.Default.ExternalShareResponse);
        }
        if (!OpenAnswers.TryGetValue(link, out var prepared) || !ReferenceEquals(prepared.File, file) || prepared.TenantId != tenantId)
        {
            prepared = new PreparedOpenAnswer(file, tenantId, PreparedJson.Of(ToResponse(visit, tenantId), VisitorJson.Default.ExternalShareResponse));
            OpenAnswers.AddOrUpdate(link, prepared);
        }
        return prepared.Json;
    }

    private sealed record PreparedOpenAnswer(StoredFile File, int TenantId, PreparedJson Json);

    private static async Task<Results<Ok<PlatformEnvelope<ExternalShareResponse>>, JsonHttpResult<PlatformError>>> ApplyPasswordAsync(
        string key, SharePasswordRequest? request, HttpContext context, FileLinkService links, LinkUnlockCookies cookies,
        IOptions<DocumentPlatformOptions> options, CancellationToken cancellationToken)
    {
        var visit = await links.TryPasswordAsync(key, request?.Password, ClientAddress.NetworkOf(context), cancellationToken);
        if (visit.Status is VisitStatus.TooManyAttempts or VisitStatus.PasswordChecksBusy)
        {
            context.Response.Headers.RetryAfter = RetryAfter.Seconds(visit.RetryAfter!.Value);
            return PlatformResults.Error(
                StatusCodes.Status429TooManyRequests,
                visit.Status == VisitStatus.TooManyAttempts
                    ? "Too many wrong passwords for this link; wait before trying again."
                    : "Many passwords are being checked right now; try again in a moment.");
        }
        cookies.IssueIfUnlocked(context, visit);
        return PlatformResults.Ok(context, ToResponse(visit, options.Value.TenantId));
    }

    /// <summary>
    /// The platform's ExternalShareStatus numbers; the file is described only when the link is open. linkId is
    /// never null: the all-zero GUID when the answer names no link (an unknown key, sharing off, an expired link).
    /// </summary>
    private static ExternalShareResponse ToResponse(LinkVisit visit, int tenantId)
    {
        var status = visit.Status switch
        {
            VisitStatus.Ok => ExternalShareStatus.Ok,
            VisitStatus.Expired => ExternalShareStatus.Expired,
            VisitStatus.PasswordRequired => ExternalShareStatus.RequiredPassword,
            VisitStatus.InvalidPassword => ExternalShareStatus.InvalidPassword,
            VisitStatus.ExternalSharingDisabled => ExternalShareStatus.ExternalAccessDenied,
            _ => ExternalShareStatus.Invalid,
        };
        if (visit is { IsOpen: true, File: { } file, Link: { } link })
        {
            var id = file.Number.ToString(CultureInfo.InvariantCulture);
            return new ExternalShareResponse(
                status, id, file.Name, FileEntryType.File, tenantId, id, file.Name, FileEntryType.File, false, true, link.Id, false, false);
        }
        var linkId = visit.Status is VisitStatus.PasswordRequired or VisitStatus.InvalidPassword ? visit.Link?.Id : null;
        return new ExternalShareResponse(status, null, null, null, tenantId, null, null, null, null, false, linkId ?? Guid.Empty, false, false);
    }
}
