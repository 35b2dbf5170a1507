using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sharekeep.Core;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Sessions;
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
        var open = routes.MapGroup(Path).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery().WithHeaders(HeaderPolicy.AdminPage);
        open.MapGet("/", ShowAsync);
        open.MapPost("/sign-in", SignInAsync)
            .RequireFormToken((context, notice) => SignInPage(context, AdminNotices.Message(notice), StatusCodes.Status400BadRequest));

        var actions = routes.MapGroup(Path)
            .RequireAuthorization(AdminSession.Policy)
            .ExcludeFromDescription()
            .DisableAntiforgery()
            .WithHeaders(HeaderPolicy.AdminPage)
            .RequireFormToken((_, notice) => Back(notice));
        actions.MapPost("/sign-out", SignOutAsync);
        actions.MapPost("/policy", SetPolicyAsync);
        actions.MapPost("/link-policy", AdminLinkPolicy.SetAsync);
        actions.MapPost("/shares", ShareAsync);
        actions.MapPost("/shares/{shareKey}/revoke", RevokeShareAsync);
        actions.MapPost("/files", UploadAsync)
            .WithMetadata(new BodyLimit(maxRequest))
            .WithFormOptions(multipartBodyLengthLimit: maxRequest);
        actions.MapPost("/links", CreateLinkAsync);
        actions.MapPost("/links/bulk", AdminBulk.RunAsync).LimitAsHeavy();
        actions.MapPost("/files/{fileId:guid}/links/{linkId:guid}/revoke", RevokeLinkAsync);
        actions.MapPost("/links/{linkId:guid}/unlock", UnlockLinkAsync);
        actions.MapPost("/networks/unlock", UnlockNetworkAsync);
        actions.MapPost("/sessions/{sessionId:guid}/end", EndSessionAsync);
        actions.MapPost("/keys", CreateKeyAsync);
        actions.MapPost("/keys/{keyId:guid}/revoke", RevokeKeyAsync);
        actions.MapAdminWebhookActions();
        routes.MapAdminLinkActivity();
        routes.MapAdminWebhookDeliveries();
        return routes;
    }

    public static RedirectHttpResult Back(AdminNotice? notice = null) =>
        TypedResults.Redirect(notice is { } code ? $"{Path}?notice={AdminNotices.Code(code)}" : Path);

    /// <summary>The console; the query string carries the link list's filter and cursor (GET /api/v1/links's names).</summary>
    private static async Task<IResult> ShowAsync(
        HttpContext context, string? notice, string? cursor, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        if (!await AdminSession.IsSignedInAsync(context))
        {
            return SignInPage(context, AdminNotices.Message(notice), StatusCodes.Status200OK);
        }
        var overview = await OverviewAsync(context, reader, AdminLinkFilter.From(context.Request.Query), cursor, notice, [], cancellationToken);
        if (AdminBulk.DoneMessage(context.Request.Query) is { } done)
        {
            overview = overview with { Notice = done };
        }
        // A filter it cannot read is the caller's mistake, shown on the page.
        return Page(overview, overview.Links.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>
    /// The API secret, or an API key with the admin scope (revoking that key ends the session). Wrong ones count
    /// against the client's network like wrong API credentials; a right one is never slowed by them.
    /// </summary>
    private static async Task<IResult> SignInAsync(HttpContext context, CredentialChecks checks)
    {
        var (check, credential, scopes, retryAfter) = await checks.CheckAsync(context, context.Request.Form["secret"].ToString().Trim());
        if (check == CredentialCheck.Braked)
        {
            context.Response.Headers.RetryAfter = RetryAfter.Seconds(retryAfter);
            return SignInPage(
                context, $"Too many wrong tries from this network; try again in {RetryAfter.Seconds(retryAfter)} seconds.", StatusCodes.Status429TooManyRequests);
        }
        if (check != CredentialCheck.Accepted || !ApiScopes.Grants(scopes, ApiScope.Admin))
        {
            return SignInPage(context, "That is not the API secret, nor an API key with the admin scope.", StatusCodes.Status401Unauthorized);
        }
        await AdminSession.SignInAsync(context, credential!);
        return Back();
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpRequest request)
    {
        await AdminSession.SignOutAsync(request.HttpContext);
        return Back(AdminNotice.SignedOut);
    }

    private static async Task<RedirectHttpResult> SetPolicyAsync(HttpRequest request, PolicyService policy, CancellationToken cancellationToken)
    {
        PolicySetting? setting = request.Form["setting"].ToString() switch
        {
            "sharing" => PolicySetting.Sharing,
            "external" => PolicySetting.ExternalSharing,
            "social" => PolicySetting.SocialMedia,
            _ => null,
        };
        if (setting is null || !bool.TryParse(request.Form["enabled"].ToString(), out var enabled))
        {
            return Back(AdminNotice.Invalid);
        }
        var change = await policy.SetAsync(setting.Value, enabled, CredentialClaims.ActorOf(request.HttpContext), cancellationToken);
        return Back(change is null ? AdminNotice.PolicyUnchanged : AdminNotice.PolicySaved);
    }

    private static async Task<IResult> ShareAsync(
        HttpContext context, SharingService sharing, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        // One select lists reports and dashboards: "report:<id>" or "dashboard:<id>".
        var form = context.Request.Form;
        var parts = form["resource"].ToString().Split(':', 2);
        ResourceKind? kind = parts[0] switch { "report" => ResourceKind.Report, "dashboard" => ResourceKind.Dashboard, _ => null };
        if (kind is null || parts.Length != 2 || !Guid.TryParse(parts[1], out var resourceId))
        {
            return Back(AdminNotice.Invalid);
        }
        if (!TryExpiry(form, out var expires))
        {
            return await InvalidAsync(context, reader, ["The expiry must be a date (yyyy-mm-dd)."], cancellationToken);
        }
        var outcome = await sharing.ShareAsync(kind.Value, resourceId, expires, CredentialClaims.ActorOf(context), cancellationToken);
        return outcome.Status switch
        {
            OutcomeStatus.Ok => Back(AdminNotice.ShareCreated),
            OutcomeStatus.SharingOff => Back(AdminNotice.SharingDisabled),
            OutcomeStatus.Invalid => await InvalidAsync(context, reader, outcome.Errors!.Messages(), cancellationToken),
            _ => Back(AdminNotice.NotFound),
        };
    }

    private static async Task<RedirectHttpResult> RevokeShareAsync(
        string shareKey, SharingService sharing, HttpContext context, CancellationToken cancellationToken) =>
        Back(await sharing.RevokeAsync(shareKey, null, CredentialClaims.ActorOf(context), cancellationToken) ? AdminNotice.ShareRevoked : AdminNotice.AlreadyRevoked);

    private static async Task<RedirectHttpResult> UploadAsync(
        HttpRequest request, FileService files, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        if (request.Form.Files["file"] is not { Length: > 0 } file)
        {
            return Back(AdminNotice.NoFile);
        }
        await using var content = file.OpenReadStream();
        var upload = await files.UploadAsync(file.FileName, file.ContentType, content, options.Value.MaxUploadBytes, CredentialClaims.ActorOf(request.HttpContext), cancellationToken);
        return Back(upload.Status switch
        {
            OutcomeStatus.Ok => AdminNotice.FileUploaded,
            OutcomeStatus.TooLarge => AdminNotice.TooLarge,
            _ => AdminNotice.Invalid,
        });
    }

    private static async Task<IResult> CreateLinkAsync(
        HttpContext context, FileLinkService links, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        var form = context.Request.Form;
        if (!Guid.TryParse(form["fileId"].ToString(), out var fileId))
        {
            return await InvalidAsync(context, reader, ["Choose a file to link to."], cancellationToken);
        }
        if (!TryExpiry(form, out var expires))
        {
            return await InvalidAsync(context, reader, ["The expiry must be a date (yyyy-mm-dd)."], cancellationToken);
        }
        var settings = new LinkSettings
        {
            Title = form["title"].ToString() is { Length: > 0 } title ? title : null,
            Expires = expires,
            Password = form["password"].ToString() is { Length: > 0 } password ? password : null,
            // Left at "policy default", the form does not say, and the link policy decides.
            DenyDownload = form["download"].ToString() switch { "deny" => true, "allow" => false, _ => null },
        };
        var created = await links.CreateAsync(fileId, null, settings, CredentialClaims.ActorOf(context), cancellationToken);
        return created.Status switch
        {
            OutcomeStatus.Ok => Back(AdminNotice.LinkCreated),
            OutcomeStatus.SharingOff => Back(AdminNotice.ExternalDisabled),
            OutcomeStatus.NotFound => Back(AdminNotice.NotFound),
            _ => await InvalidAsync(context, reader, created.Errors?.Messages() ?? [], cancellationToken),
        };
    }

    private static async Task<RedirectHttpResult> RevokeLinkAsync(
        Guid fileId, Guid linkId, FileLinkService links, HttpContext context, CancellationToken cancellationToken) =>
        Back((await links.RevokeAsync(fileId, linkId, CredentialClaims.ActorOf(context), cancellationToken)).IsOk ? AdminNotice.ShareRevoked : AdminNotice.NotFound);

    /// <summary>Ends a console session; ending one's own signs this browser out.</summary>
    private static async Task<RedirectHttpResult> EndSessionAsync(
        Guid sessionId, HttpContext context, ConsoleSessionService sessions, CancellationToken cancellationToken)
    {
        if (AdminSession.SessionIdOf(context.User) == sessionId)
        {
            await AdminSession.SignOutAsync(context);
            return Back(AdminNotice.SignedOut);
        }
        return Back(await sessions.EndAsync(sessionId, CredentialClaims.ActorOf(context), cancellationToken) ? AdminNotice.SessionEnded : AdminNotice.NotFound);
    }

    /// <summary>
    /// The key is shown in this answer only: the page is rendered here rather than redirected to, so the key
    /// travels in no URL and is stored nowhere (the console's pages are never cached).
    /// </summary>
    private static async Task<IResult> CreateKeyAsync(
        HttpContext context, ApiKeyService keys, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        var form = context.Request.Form;
        if (!TryExpiry(form, out var expires))
        {
            return await InvalidAsync(context, reader, ["The expiry must be a date (yyyy-mm-dd)."], cancellationToken);
        }
        var created = await keys.CreateAsync(new ApiKeyRequest(form["name"].ToString(), [.. form["scopes"].OfType<string>()], expires), CredentialClaims.ActorOf(context), cancellationToken);
        if (created.Value is not { } issued)
        {
            return await InvalidAsync(context, reader, created.Errors?.Messages() ?? [], cancellationToken);
        }
        return await ConsolePageAsync(
            context, reader, AdminNotices.Code(AdminNotice.KeyCreated), [], StatusCodes.Status200OK, cancellationToken, issued);
    }

    private static async Task<RedirectHttpResult> UnlockLinkAsync(
        Guid linkId, FileLinkService links, HttpContext context, CancellationToken cancellationToken) =>
        Back((await links.UnlockAsync(linkId, CredentialClaims.ActorOf(context), cancellationToken)).IsOk ? AdminNotice.LinkUnlocked : AdminNotice.NotFound);

    private static async Task<RedirectHttpResult> UnlockNetworkAsync(HttpRequest request, FileLinkService links, CancellationToken cancellationToken)
    {
        var network = request.Form["network"].ToString();
        if (!ClientAddress.IsNetwork(network))
        {
            return Back(AdminNotice.Invalid);
        }
        await links.UnlockNetworkAsync(network, CredentialClaims.ActorOf(request.HttpContext), cancellationToken);
        return Back(AdminNotice.NetworkUnlocked);
    }

    private static async Task<RedirectHttpResult> RevokeKeyAsync(
        Guid keyId, ApiKeyService keys, HttpContext context, CancellationToken cancellationToken) =>
        Back(await keys.RevokeAsync(keyId, CredentialClaims.ActorOf(context), cancellationToken) ? AdminNotice.KeyRevoked : AdminNotice.NotFound);

    /// <summary>The form's optional "expires" day (null when left empty); false when it is not a date.</summary>
    private static bool TryExpiry(IFormCollection form, out DateTimeOffset? expires)
    {
        expires = null;
        if (form["expires"].ToString() is not { Length: > 0 } date)
        {
            return true;
        }
        if (!TryEndOfDay(date, out var endOfDay))
        {
            return false;
        }
        expires = endOfDay;
        return true;
    }

    /// <summary>A date picker gives a day; what it sets lasts until the end of it (UTC).</summary>
    internal static bool TryEndOfDay(string date, out DateTimeOffset endOfDay)
    {
        endOfDay = default;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }
        endOfDay = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        return true;
    }

    /// <summary>The console again with the domain's own reasons, so that the form can be corrected; nothing was changed.</summary>
    internal static Task<IResult> InvalidAsync(
        HttpContext context, AdminOverviewReader reader, IReadOnlyList<string> errors, CancellationToken cancellationToken) =>
        ConsolePageAsync(context, reader, AdminNotices.Code(AdminNotice.Invalid), errors, StatusCodes.Status400BadRequest, cancellationToken);

    private static async Task<IResult> ConsolePageAsync(
        HttpContext context,
        AdminOverviewReader reader,
        string? notice,
        IReadOnlyList<string> errors,
        int status,
        CancellationToken cancellationToken,
        IssuedApiKey? issued = null)
    {
        var overview = await OverviewAsync(context, reader, AdminLinkFilter.Default, null, notice, errors, cancellationToken);
        return Page(overview with { IssuedKey = issued }, status);
    }

    /// <summary>What the console shows, its link list at <paramref name="filter"/> from after <paramref name="cursor"/>.</summary>
    internal static Task<AdminOverview> OverviewAsync(
        HttpContext context,
        AdminOverviewReader reader,
        AdminLinkFilter filter,
        string? cursor,
        string? notice,
        IReadOnlyList<string> errors,
        CancellationToken cancellationToken) =>
        reader.ReadAsync(context.Request, filter, cursor, notice, AdminForms.TokenFor(context), errors, cancellationToken);

    internal static RazorComponentResult<AdminPage> Page(AdminOverview overview, int status) => new(new { Model = overview }) { StatusCode = status };

    private static RazorComponentResult<AdminSignInPage> SignInPage(HttpContext context, string? message, int status) =>
        new(new { Form = AdminForms.TokenFor(context), Message = message }) { StatusCode = status };
}
