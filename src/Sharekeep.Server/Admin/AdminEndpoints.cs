using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Admin.Pages;
using Sharekeep.Server.Errors;
using Sharekeep.Server.Hosting;
using Sharekeep.Server.Public;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Admin;

/// <summary>
/// /admin: the console. Plain HTML forms (no script needed), each posting to an action that calls the same domain
/// service as the API and redirects back (post/redirect/get) with a notice code.
/// </summary>
internal static class AdminEndpoints
{
    public const string Path = "/admin";

    public static IEndpointRouteBuilder MapAdminConsole(this IEndpointRouteBuilder routes)
    {
        var maxRequest = routes.ServiceProvider.GetRequiredService<IOptions<FilesOptions>>().Value.MaxUploadRequestBytes;
        var open = routes.MapGroup(Path).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        open.MapGet("/", ShowAsync);
        open.MapPost("/sign-in", SignInAsync).RequireRateLimiting(AdminSession.SignInLimiter);

        // Antiforgery is checked by hand (AdminForms) so that a stale form gets the page back, not a JSON error.
        var actions = routes.MapGroup(Path).RequireAuthorization(AdminSession.Policy).ExcludeFromDescription().DisableAntiforgery();
        actions.MapPost("/sign-out", SignOutAsync);
        actions.MapPost("/policy", SetPolicyAsync);
        actions.MapPost("/shares", ShareAsync);
        actions.MapPost("/shares/{shareId}/revoke", RevokeShareAsync);
        actions.MapPost("/files", UploadAsync)
            .WithMetadata(new BodyLimit(maxRequest))
            .WithFormOptions(multipartBodyLengthLimit: maxRequest);
        actions.MapPost("/links", CreateLinkAsync);
        actions.MapPost("/files/{fileId:guid}/links/{linkId:guid}/revoke", RevokeLinkAsync);
        return routes;
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, string? q, string? notice, AdminOverviewReader reader, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!await AdminSession.IsSignedInAsync(context))
        {
            return SignInPage(context, Form(context, antiforgery), AdminNotices.Message(notice), StatusCodes.Status200OK);
        }
        return await ConsolePageAsync(context, antiforgery, reader, q, notice, [], StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, ApiSecret secret)
    {
        if (await AdminForms.ReadAsync(context, antiforgery) is not { } fields)
        {
            return SignInPage(context, Form(context, antiforgery), AdminNotices.Message("stale-form"), StatusCodes.Status400BadRequest);
        }
        if (!secret.Matches(fields["secret"].ToString()))
        {
            return SignInPage(context, Form(context, antiforgery), "That is not the API secret.", StatusCodes.Status401Unauthorized);
        }
        await AdminSession.SignInAsync(context);
        return Back();
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (await AdminForms.ReadAsync(context, antiforgery) is null)
        {
            return Back("stale-form");
        }
        await AdminSession.SignOutAsync(context);
        return Back("signed-out");
    }

    private static async Task<RedirectHttpResult> SetPolicyAsync(HttpContext context, IAntiforgery antiforgery, PolicyService policy, CancellationToken cancellationToken)
    {
        if (await AdminForms.ReadAsync(context, antiforgery) is not { } fields)
        {
            return Back("stale-form");
        }
        PolicySetting? setting = fields["setting"].ToString() switch
        {
            "sharing" => PolicySetting.Sharing,
            "external" => PolicySetting.ExternalSharing,
            "social" => PolicySetting.SocialMedia,
            _ => null,
        };
        if (setting is null || !bool.TryParse(fields["enabled"].ToString(), out var enabled))
        {
            return Back("invalid");
        }
        var change = await policy.SetAsync(setting.Value, enabled, cancellationToken);
        return Back(change is null ? "policy-unchanged" : "policy-saved");
    }

    private static async Task<RedirectHttpResult> ShareAsync(HttpContext context, IAntiforgery antiforgery, SharingService sharing, CancellationToken cancellationToken)
    {
        if (await AdminForms.ReadAsync(context, antiforgery) is not { } fields)
        {
            return Back("stale-form");
        }
        // One select lists reports and dashboards: "report:<id>" or "dashboard:<id>".
        var parts = fields["resource"].ToString().Split(':', 2);
        ResourceKind? kind = parts[0] switch { "report" => ResourceKind.Report, "dashboard" => ResourceKind.Dashboard, _ => null };
        if (kind is null || parts.Length != 2 || !Guid.TryParse(parts[1], out var resourceId))
        {
            return Back("invalid");
        }
        var outcome = await sharing.ShareAsync(kind.Value, resourceId, cancellationToken);
        return outcome.Status switch
        {
            ShareStatus.Ok => Back("share-created"),
            ShareStatus.SharingDisabled => Back("sharing-disabled"),
            _ => Back("not-found"),
        };
    }

    private static async Task<RedirectHttpResult> RevokeShareAsync(
        string shareId, HttpContext context, IAntiforgery antiforgery, SharingService sharing, CancellationToken cancellationToken)
    {
        if (await AdminForms.ReadAsync(context, antiforgery) is null)
        {
            return Back("stale-form");
        }
        return Back(await sharing.RevokeAsync(shareId, null, cancellationToken) ? "share-revoked" : "already-revoked");
    }

    private static async Task<RedirectHttpResult> UploadAsync(
        HttpContext context, IAntiforgery antiforgery, FileService files, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        IFormCollection? fields;
        try
        {
            fields = await AdminForms.ReadAsync(context, antiforgery);
        }
        catch (InvalidDataException)
        {
            return Back("too-large");
        }
        if (fields is null)
        {
            return Back("stale-form");
        }
        if (fields.Files["file"] is not { Length: > 0 } file)
        {
            return Back("no-file");
        }
        await using var content = file.OpenReadStream();
        var upload = await files.UploadAsync(file.FileName, file.ContentType, content, options.Value.MaxUploadBytes, cancellationToken);
        return upload switch
        {
            { File: not null } => Back("file-uploaded"),
            { IsTooLarge: true } => Back("too-large"),
            _ => Back("invalid"),
        };
    }

    private static async Task<IResult> CreateLinkAsync(
        HttpContext context, IAntiforgery antiforgery, FileLinkService links, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        if (await AdminForms.ReadAsync(context, antiforgery) is not { } fields)
        {
            return Back("stale-form");
        }
        if (!Guid.TryParse(fields["fileId"].ToString(), out var fileId))
        {
            return await InvalidAsync(context, antiforgery, reader, ["Choose a file to link to."], cancellationToken);
        }
        DateTimeOffset? expires = null;
        if (fields["expires"].ToString() is { Length: > 0 } date)
        {
            // A date picker gives a day; the link works until the end of it (UTC).
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return await InvalidAsync(context, antiforgery, reader, ["The expiry must be a date (yyyy-mm-dd)."], cancellationToken);
            }
            expires = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        }
        var password = fields["password"].ToString();
        var title = fields["title"].ToString();
        var change = await links.SetAsync(
            fileId,
            new LinkSettings(null, false, title.Length == 0 ? null : title, expires, false, false, password.Length == 0 ? null : password),
            cancellationToken);
        return change.Status switch
        {
            LinkChangeStatus.Saved => Back("link-created"),
            LinkChangeStatus.ExternalSharingDisabled => Back("external-disabled"),
            LinkChangeStatus.FileNotFound or LinkChangeStatus.LinkNotFound => Back("not-found"),
            _ => await InvalidAsync(
                context, antiforgery, reader, change.Errors?.ToDictionary().Values.SelectMany(m => m).ToList() ?? [], cancellationToken),
        };
    }

    /// <summary>The console again with the domain's own reasons, so that the form can be corrected; nothing was changed.</summary>
    private static Task<IResult> InvalidAsync(
        HttpContext context, IAntiforgery antiforgery, AdminOverviewReader reader, IReadOnlyList<string> errors, CancellationToken cancellationToken) =>
        ConsolePageAsync(context, antiforgery, reader, null, "invalid", errors, StatusCodes.Status400BadRequest, cancellationToken);

    private static async Task<IResult> ConsolePageAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        AdminOverviewReader reader,
        string? search,
        string? notice,
        IReadOnlyList<string> errors,
        int status,
        CancellationToken cancellationToken)
    {
        var overview = await reader.ReadAsync(context.Request, search, notice, Form(context, antiforgery), errors, cancellationToken);
        SecurityHeaders.ForAdminPage(context.Response);
        return new RazorComponentResult<AdminPage>(new { Model = overview }) { StatusCode = status };
    }

    private static async Task<RedirectHttpResult> RevokeLinkAsync(
        Guid fileId, Guid linkId, HttpContext context, IAntiforgery antiforgery, FileLinkService links, CancellationToken cancellationToken)
    {
        if (await AdminForms.ReadAsync(context, antiforgery) is null)
        {
            return Back("stale-form");
        }
        var change = await links.SetAsync(fileId, new LinkSettings(linkId, true, null, null, false, false, null), cancellationToken);
        return Back(change.Status == LinkChangeStatus.Revoked ? "share-revoked" : "not-found");
    }

    private static RedirectHttpResult Back(string? notice = null) =>
        TypedResults.Redirect(notice is null ? Path : $"{Path}?notice={notice}");

    private static AdminForm Form(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new AdminForm(tokens.FormFieldName, tokens.RequestToken!);
    }

    private static RazorComponentResult<AdminSignInPage> SignInPage(HttpContext context, AdminForm form, string? message, int status)
    {
        SecurityHeaders.ForAdminPage(context.Response);
        return new RazorComponentResult<AdminSignInPage>(new { Form = form, Message = message }) { StatusCode = status };
    }
}

/// <summary>Reads a console form after checking its antiforgery token; null when the token is missing or stale.</summary>
internal static class AdminForms
{
    public static async Task<IFormCollection?> ReadAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return null;
        }
        return await context.Request.ReadFormAsync(context.RequestAborted);
    }
}
