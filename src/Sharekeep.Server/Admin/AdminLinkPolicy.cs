using System.Globalization;
using Sharekeep.Core.Policy;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Admin;

/// <summary>The console's link policy form: the same service and the same refusals as PUT /api/v1/link-policy.</summary>
internal static class AdminLinkPolicy
{
    public static async Task<IResult> SetAsync(
        HttpContext context, LinkPolicyService linkPolicy, AdminOverviewReader reader, CancellationToken cancellationToken)
    {
        var form = context.Request.Form;
        var errors = new List<string>();
        var requested = new LinkPolicy(
            new FileLinkRules(
                Days(form, "fileLinks.defaultLifetimeDays", errors),
                Days(form, "fileLinks.maxLifetimeDays", errors),
                Checked(form, "fileLinks.requirePassword"),
                Days(form, "fileLinks.minPasswordLength", errors),
                Checked(form, "fileLinks.denyDownloadByDefault")),
            new ShareRules(Days(form, "shares.defaultLifetimeDays", errors), Days(form, "shares.maxLifetimeDays", errors)));
        if (errors.Count > 0)
        {
            return await AdminEndpoints.InvalidAsync(context, reader, errors, cancellationToken);
        }
        var outcome = await linkPolicy.SetAsync(requested, CredentialClaims.ActorOf(context), cancellationToken);
        if (outcome.Value is not { } update)
        {
            return await AdminEndpoints.InvalidAsync(context, reader, outcome.Errors!.Messages(), cancellationToken);
        }
        return AdminEndpoints.Back(update.Change is null ? AdminNotice.LinkPolicyUnchanged : AdminNotice.LinkPolicySaved);
    }

    /// <summary>An empty box is no limit.</summary>
    private static int? Days(IFormCollection form, string field, List<string> errors)
    {
        var text = form[field].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add($"{field} is a whole number, or empty for no limit.");
        return null;
    }

    private static bool Checked(IFormCollection form, string field) => form[field].ToString() == "true";
}
