using Sharekeep.Core.Links;

namespace Sharekeep.Core.Policy;

/// <summary>
/// What a link policy may be, and what it does to a link being made or changed. The one place these rules live:
/// the native API, both dialects and the console all reach them through the link services.
/// </summary>
public static class LinkPolicyRules
{
    /// <summary>The longest lifetime a policy may name: the same bound every link's expiry already has.</summary>
    public static readonly int MaxDays = (int)LinkRules.MaxLifetime.TotalDays;

    /// <summary>Every mistake in <paramref name="policy"/>, each under the name of its field on the wire ("fileLinks.maxLifetimeDays").</summary>
    public static ValidationErrors Validate(LinkPolicy policy)
    {
        var errors = new ValidationErrors();
        CheckLifetimes("fileLinks", policy.FileLinks.DefaultLifetimeDays, policy.FileLinks.MaxLifetimeDays, errors);
        CheckLifetimes("shares", policy.Shares.DefaultLifetimeDays, policy.Shares.MaxLifetimeDays, errors);
        if (policy.FileLinks.MinPasswordLength is { } length and (< LinkRules.MinPasswordLength or > LinkRules.MaxPasswordLength))
        {
            errors.Add(
                "fileLinks.minPasswordLength",
                $"fileLinks.minPasswordLength is between {LinkRules.MinPasswordLength} and {LinkRules.MaxPasswordLength} (passwords are never shorter than {LinkRules.MinPasswordLength}), or null; it was {length}.");
        }
        return errors;
    }

    /// <summary>
    /// As for the switches: setting the policy pins it, even to what configuration says, and an audit entry is
    /// written only when the policy in force changes; repeating a call writes nothing at all.
    /// </summary>
    public static LinkPolicyTransition Decide(StoredLinkPolicy? stored, LinkPolicy configured, LinkPolicy requested, DateTimeOffset now)
    {
        if (stored is not null && stored.Policy == requested)
        {
            return new LinkPolicyTransition(null, null);
        }
        var old = stored?.Policy ?? configured;
        var change = old == requested ? null : new LinkPolicyChange(now, old, requested);
        return new LinkPolicyTransition(new StoredLinkPolicy(requested, now), change);
    }

    /// <summary>
    /// A new file link's settings under the policy: the default lifetime when none was asked for (the maximum when
    /// the policy has a maximum but no default: a bounded policy never refuses a link for not asking), the default
    /// download flag when the caller did not say; refusals (an expiry past the maximum, a missing or short
    /// password) go to <paramref name="errors"/>, each naming the limit it broke.
    /// </summary>
    public static LinkSettings ForNewFileLink(FileLinkRules rules, LinkSettings settings, DateTimeOffset now, ValidationErrors errors)
    {
        var applied = settings with
        {
            Expires = settings.Expires ?? Lifetime(now, rules.DefaultLifetimeDays ?? rules.MaxLifetimeDays),
            DenyDownload = settings.DenyDownload ?? rules.DenyDownloadByDefault,
        };
        CheckFileLink(rules, applied.Expires, hasPassword: !string.IsNullOrEmpty(applied.Password), applied.Password, now, errors);
        return applied;
    }

    /// <summary>
    /// A change to a file link under the policy: it may not take the link past the maximum lifetime (counted from
    /// now) nor leave it without the password the policy requires. No default is applied: a change says what it
    /// wants. A download flag not given keeps the link's own.
    /// </summary>
    public static LinkSettings ForFileLinkChange(FileLinkRules rules, LinkSettings settings, FileLink existing, DateTimeOffset now, ValidationErrors errors)
    {
        var applied = settings with { DenyDownload = settings.DenyDownload ?? existing.DenyDownload };
        var hasPassword = settings.Password is null ? existing.HasPassword : settings.Password.Length > 0;
        CheckFileLink(rules, applied.Expires, hasPassword, settings.Password, now, errors);
        return applied;
    }

    /// <summary>
    /// A new share's expiry under the policy: the one asked for, or the default (or else the maximum, as for file
    /// links: the reporting tool cannot ask for an expiry, and must still be able to share); past the maximum is refused.
    /// </summary>
    public static DateTimeOffset? ForNewShare(ShareRules rules, DateTimeOffset? expires, DateTimeOffset now, ValidationErrors errors)
    {
        var applied = expires ?? Lifetime(now, rules.DefaultLifetimeDays ?? rules.MaxLifetimeDays);
        CheckLifetime(applied, rules.MaxLifetimeDays, now, "expires", "shares", errors);
        return applied;
    }

    /// <summary>
    /// Which rules of the policy an existing active link breaks, by the policy's field names. A lifetime is
    /// counted from now: a link breaks the maximum when it outlives now plus the maximum (or never expires),
    /// which is what bringing it in line would change. A password's length cannot be known from its hash, so
    /// minPasswordLength is never reported.
    /// </summary>
    public static IReadOnlyList<string> ViolationsOf(FileLink link, FileLinkRules rules, DateTimeOffset now)
    {
        var broken = new List<string>(2);
        if (Outlives(link.Expires, rules.MaxLifetimeDays, now))
        {
            broken.Add("fileLinks.maxLifetimeDays");
        }
        if (rules.RequirePassword && !link.HasPassword)
        {
            broken.Add("fileLinks.requirePassword");
        }
        return broken;
    }

    /// <inheritdoc cref="ViolationsOf(FileLink, FileLinkRules, DateTimeOffset)"/>
    public static IReadOnlyList<string> ViolationsOf(Shares.Share share, ShareRules rules, DateTimeOffset now) =>
        Outlives(share.Expires, rules.MaxLifetimeDays, now) ? ["shares.maxLifetimeDays"] : [];

    /// <summary>The latest expiry a link may have under <paramref name="maxDays"/>, or null for no limit.</summary>
    public static DateTimeOffset? Latest(int? maxDays, DateTimeOffset now) => Lifetime(now, maxDays);

    private static bool Outlives(DateTimeOffset? expires, int? maxDays, DateTimeOffset now) =>
        Latest(maxDays, now) is { } latest && (expires is null || expires > latest);

    private static void CheckFileLink(
        FileLinkRules rules, DateTimeOffset? expires, bool hasPassword, string? newPassword, DateTimeOffset now, ValidationErrors errors)
    {
        CheckLifetime(expires, rules.MaxLifetimeDays, now, "expirationDate", "fileLinks", errors);
        if (rules.RequirePassword && !hasPassword)
        {
            errors.Add("password", "The link policy requires a password for file links (fileLinks.requirePassword).");
        }
        if (rules.MinPasswordLength is { } min && newPassword is { Length: > 0 } password && password.Length < min)
        {
            errors.Add("password", $"The link policy requires passwords of at least {min} characters (fileLinks.minPasswordLength).");
        }
    }

    private static void CheckLifetime(DateTimeOffset? expires, int? maxDays, DateTimeOffset now, string field, string kind, ValidationErrors errors)
    {
        if (maxDays is not { } max || Latest(max, now) is not { } latest)
        {
            return;
        }
        if (expires is null)
        {
            errors.Add(field, $"The link policy lets {Kind(kind)} live at most {max} days ({kind}.maxLifetimeDays); give {field}.");
        }
        else if (expires > latest)
        {
            errors.Add(field, $"{field} is more than the link policy's maximum of {max} days ahead for {Kind(kind)} ({kind}.maxLifetimeDays).");
        }
    }

    private static string Kind(string kind) => kind == "shares" ? "report and dashboard shares" : "file links";

    private static DateTimeOffset? Lifetime(DateTimeOffset now, int? days) => days is { } d ? now.AddDays(d) : null;

    private static void CheckLifetimes(string kind, int? defaultDays, int? maxDays, ValidationErrors errors)
    {
        CheckDays($"{kind}.defaultLifetimeDays", defaultDays, errors);
        CheckDays($"{kind}.maxLifetimeDays", maxDays, errors);
        if (defaultDays is { } d && maxDays is { } m && d > m)
        {
            errors.Add($"{kind}.defaultLifetimeDays", $"{kind}.defaultLifetimeDays ({d}) is more than {kind}.maxLifetimeDays ({m}).");
        }
    }

    private static void CheckDays(string field, int? days, ValidationErrors errors)
    {
        if (days is { } value && (value < 1 || value > MaxDays))
        {
            errors.Add(field, $"{field} is a whole number of days from 1 to {MaxDays}, or null for no limit; it was {value}.");
        }
    }
}
