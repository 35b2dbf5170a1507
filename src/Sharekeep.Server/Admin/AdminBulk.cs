using System.Globalization;
using Sharekeep.Core;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Admin;

/// <summary>
/// A bulk action's dry run, shown for confirmation: what it will do (<paramref name="Sentence"/>), to how many links,
/// the first of them, and the form fields that run it for real over the same filter.
/// </summary>
public sealed record AdminBulkPreview(
    AdminLinkFilter Filter, IReadOnlyList<KeyValuePair<string, string>> ActionFields, long Count, string Sentence, IReadOnlyList<AdminLinkRow> First)
{
    public const int Shown = 20;
}

/// <summary>
/// POST /admin/links/bulk: an action over the list's filter, through the same <see cref="LinkBulkActions"/> as
/// POST /api/v1/links/bulk. Without "confirm" it is a dry run whose page asks for confirmation; with it the run is
/// real, audited with the console session as its actor, and the list comes back with the count it changed.
/// </summary>
internal static class AdminBulk
{
    public static async Task<IResult> RunAsync(
        HttpContext context, LinkBulkActions bulk, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        var form = context.Request.Form;
        var filter = AdminLinkFilter.From(form);
        var errors = new ValidationErrors();
        var given = filter.ToInput(errors);
        var read = LinkQueryRules.ReadFilter(given, errors);
        var action = ReadAction(form, errors);
        if (!errors.IsEmpty)
        {
            return await RefusedAsync(context, reader, filter, errors, cancellationToken);
        }
        var dryRun = form["confirm"].ToString() != "true";
        var outcome = await bulk.RunAsync(given, read, action!, dryRun, CredentialClaims.ActorOf(context), cancellationToken);
        if (outcome.Value is not { } result)
        {
            return await RefusedAsync(context, reader, filter, outcome.Errors!, cancellationToken);
        }
        if (!dryRun)
        {
            (string, string)[] done = [("bulk", action!.Name), ("count", result.Count.ToString(CultureInfo.InvariantCulture)), ("setDenyDownload", Flag(action.DenyDownload))];
            var counted = form["counted"].ToString();
            return TypedResults.Redirect(filter.Address(counted.Length > 0 && counted != done[1].Item2 ? [.. done, ("counted", counted)] : done));
        }
        var overview = await AdminEndpoints.OverviewAsync(context, reader, filter, null, null, [], cancellationToken);
        var preview = new AdminBulkPreview(
            filter,
            Fields(form),
            result.Count,
            $"This will {Sentence(action!, future: true, result.Count)}.",
            [.. result.Links.Take(AdminBulkPreview.Shown).Select(l => AdminLinkRow.Of(l.Link, result.Now, context.Request))]);
        return AdminEndpoints.Page(overview with { BulkPreview = preview }, StatusCodes.Status200OK);
    }

    /// <summary>What a confirmed run did, from the address it redirected to; null unless the address is one it makes.</summary>
    public static string? DoneMessage(IQueryCollection query)
    {
        if (!BulkAction.Names.TryGetValue(query["bulk"].ToString(), out var kind)
            || !long.TryParse(query["count"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }
        var action = new BulkAction(kind, DenyDownload: query["setDenyDownload"].ToString() != "false");
        var message = $"Done: {Sentence(action, future: false, count)}.";
        if (long.TryParse(query["counted"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var counted))
        {
            message += $" The dry run had counted {counted}: links changed in between.";
        }
        return message;
    }

    private static BulkAction? ReadAction(IFormCollection form, ValidationErrors errors)
    {
        if (!BulkAction.Names.TryGetValue(form["action"].ToString(), out var kind))
        {
            errors.Add("action", "Choose what to do to the links.");
            return null;
        }
        DateTimeOffset? expiresAt = null;
        if (kind == BulkActionKind.ExpireAt)
        {
            if (!AdminEndpoints.TryEndOfDay(form["expiresAt"].ToString(), out var endOfDay))
            {
                errors.Add("expiresAt", "Choose the day the links expire (yyyy-mm-dd).");
                return null;
            }
            expiresAt = endOfDay;
        }
        return new BulkAction(kind, expiresAt, form["setDenyDownload"].ToString() != "false");
    }

    /// <summary>The action's own fields, carried unchanged from the dry run's form to the confirmation's.</summary>
    private static List<KeyValuePair<string, string>> Fields(IFormCollection form) =>
        [.. ((string[])["action", "expiresAt", "setDenyDownload"]).Where(n => form[n].ToString().Length > 0).Select(n => new KeyValuePair<string, string>(n, form[n].ToString()))];

    /// <summary>What the action does to <paramref name="count"/> links, in words: "revoke 3 links" (future) or "revoked 3 links".</summary>
    private static string Sentence(BulkAction action, bool future, long count)
    {
        var links = count == 1 ? "1 link" : $"{count} links";
        return (action.Kind, future) switch
        {
            (BulkActionKind.Revoke, true) => $"revoke {links}",
            (BulkActionKind.Revoke, false) => $"revoked {links}",
            (BulkActionKind.ExpireAt, true) => $"set {links} to expire at the end of {action.ExpiresAt:yyyy-MM-dd} (UTC)",
            (BulkActionKind.ExpireAt, false) => $"set the expiry of {links}",
            (BulkActionKind.Rotate, true) => $"give {links} a new key (the old addresses stop working)",
            (BulkActionKind.Rotate, false) => $"gave {links} a new key",
            (BulkActionKind.RemovePassword, true) => $"remove the password of {links}",
            (BulkActionKind.RemovePassword, false) => $"removed the password of {links}",
            (_, true) => action.DenyDownload ? $"make {links} view-only (no download)" : $"allow downloads of {links}",
            (_, false) => action.DenyDownload ? $"made {links} view-only" : $"allowed downloads of {links}",
        };
    }

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>The list of the same filter with the reasons; nothing was changed.</summary>
    private static async Task<IResult> RefusedAsync(
        HttpContext context, AdminOverviewReader reader, AdminLinkFilter filter, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var overview = await AdminEndpoints.OverviewAsync(context, reader, filter, null, AdminNotices.Code(AdminNotice.Invalid), errors.Messages(), cancellationToken);
        return AdminEndpoints.Page(overview, StatusCodes.Status400BadRequest);
    }
}
