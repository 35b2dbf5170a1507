using Microsoft.Extensions.Options;
using Sharekeep.Core.Policy;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// Sharekeep:LinkPolicy: the link policy until the API first sets one (then the stored one wins, as for the
/// switches). Absent numbers are no limit; checked at start by the same rules a PUT is.
/// </summary>
internal sealed class LinkPolicyOptions
{
    public const string Section = "Sharekeep:LinkPolicy";

    public FileLinkPolicyOptions FileLinks { get; set; } = new();

    public SharePolicyOptions Shares { get; set; } = new();

    public LinkPolicy ToPolicy() => new(
        new FileLinkRules(
            FileLinks.DefaultLifetimeDays, FileLinks.MaxLifetimeDays, FileLinks.RequirePassword, FileLinks.MinPasswordLength, FileLinks.DenyDownloadByDefault),
        new ShareRules(Shares.DefaultLifetimeDays, Shares.MaxLifetimeDays));
}

internal sealed class FileLinkPolicyOptions
{
    public int? DefaultLifetimeDays { get; set; }
    public int? MaxLifetimeDays { get; set; }
    public bool RequirePassword { get; set; }
    public int? MinPasswordLength { get; set; }
    public bool DenyDownloadByDefault { get; set; }
}

internal sealed class SharePolicyOptions
{
    public int? DefaultLifetimeDays { get; set; }
    public int? MaxLifetimeDays { get; set; }
}

/// <summary>The domain's own rules, with each message naming the setting to fix.</summary>
internal sealed class LinkPolicyOptionsValidator : IValidateOptions<LinkPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkPolicyOptions options)
    {
        var errors = LinkPolicyRules.Validate(options.ToPolicy());
        return errors.IsEmpty
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.ToDictionary().Select(e => $"{Setting(e.Key)}: {string.Join(" ", e.Value)}"));
    }

    /// <summary>"fileLinks.maxLifetimeDays" to "Sharekeep:LinkPolicy:FileLinks:MaxLifetimeDays".</summary>
    private static string Setting(string field) =>
        LinkPolicyOptions.Section + ":" + string.Join(':', field.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
