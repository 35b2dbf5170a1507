namespace Sharekeep.Core.Policy;

/// <summary>
/// The rules every new link obeys. A null number is no limit; every lifetime is in whole days from the moment
/// the link is made.
/// </summary>
public sealed record LinkPolicy(FileLinkRules FileLinks, ShareRules Shares)
{
    /// <summary>No limits at all: what a server without configuration has, and what links had before there was a policy.</summary>
    public static LinkPolicy None { get; } = new(FileLinkRules.None, ShareRules.None);
}

/// <param name="DefaultLifetimeDays">The lifetime of a new link made without an expiry.</param>
/// <param name="MaxLifetimeDays">The longest lifetime a new link may ask for; with it, no link is made without an expiry.</param>
/// <param name="RequirePassword">A new link needs a password.</param>
/// <param name="MinPasswordLength">A longer minimum for passwords than <see cref="Links.LinkRules.MinPasswordLength"/>; null keeps that one.</param>
/// <param name="DenyDownloadByDefault">A new link whose caller does not say lets visitors view but not download.</param>
public sealed record FileLinkRules(
    int? DefaultLifetimeDays, int? MaxLifetimeDays, bool RequirePassword, int? MinPasswordLength, bool DenyDownloadByDefault)
{
    public static FileLinkRules None { get; } = new(null, null, false, null, false);
}

/// <summary>Report and dashboard shares.</summary>
public sealed record ShareRules(int? DefaultLifetimeDays, int? MaxLifetimeDays)
{
    public static ShareRules None { get; } = new(null, null);
}

/// <summary>The policy as set through the API; from then on it outranks configuration.</summary>
public sealed record StoredLinkPolicy(LinkPolicy Policy, DateTimeOffset Modified);

/// <summary>One audited change of the link policy: the policy in force went from old to new.</summary>
public sealed record LinkPolicyChange(DateTimeOffset At, LinkPolicy OldPolicy, LinkPolicy NewPolicy);

/// <summary>What the store should write, decided by <see cref="LinkPolicyRules.Decide"/>; nulls mean "nothing".</summary>
public sealed record LinkPolicyTransition(StoredLinkPolicy? Write, LinkPolicyChange? Change);

/// <summary>The link policy in force and when the API last set it (null while configuration supplies it).</summary>
public sealed record EffectiveLinkPolicy(LinkPolicy Policy, DateTimeOffset? LastModified);

public interface ILinkPolicyStore
{
    /// <summary>The policy last set through the API, or null when it never was.</summary>
    Task<StoredLinkPolicy?> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the stored policy, asks <paramref name="decide"/> what to do and writes its answer (the policy and an
    /// audit entry naming <paramref name="actor"/>) in one transaction, so concurrent calls cannot interleave.
    /// </summary>
    Task<LinkPolicyTransition> UpdateAsync(Func<StoredLinkPolicy?, LinkPolicyTransition> decide, string actor, CancellationToken cancellationToken);
}
