using Sharekeep.Core.Credentials;
using Sharekeep.Core.Links;
using Sharekeep.Core.Shares;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Policy;

/// <summary>The configured link policy: in force only until the API first sets one.</summary>
public sealed record LinkPolicyDefaults(LinkPolicy Policy);

/// <summary>The policy after a PUT, and the audited change (null when the policy in force stayed the same).</summary>
public sealed record LinkPolicyUpdate(EffectiveLinkPolicy Current, LinkPolicyChange? Change);

/// <summary>An active link that breaks the policy in force: a file link (with its file's name) or a share, and the rules it breaks.</summary>
public sealed record LinkViolation(ListedFileLink? FileLink, Share? Share, IReadOnlyList<string> Rules)
{
    public DateTimeOffset Created => FileLink?.Link.Created ?? Share!.Created;
}

/// <summary>The oldest violations first; <paramref name="Truncated"/> when there are more than the page holds.</summary>
public sealed record LinkViolations(IReadOnlyList<LinkViolation> Links, bool Truncated);

/// <summary>Reads and sets the link policy, and finds the links that break it.</summary>
public sealed class LinkPolicyService(
    ILinkPolicyStore store, LinkPolicyDefaults defaults, IFileLinkStore links, IShareStore shares, TimeProvider time,
    SharekeepMetrics? metrics = null)
{
    public const int MaxViolationPage = 1000;

    public async Task<EffectiveLinkPolicy> GetAsync(CancellationToken cancellationToken) =>
        await store.GetAsync(cancellationToken) is { } stored
            ? new EffectiveLinkPolicy(stored.Policy, stored.Modified)
            : new EffectiveLinkPolicy(defaults.Policy, null);

    /// <summary>Idempotent; an invalid policy is refused with every mistake named, and nothing is written.</summary>
    public async Task<Outcome<LinkPolicyUpdate>> SetAsync(LinkPolicy requested, Actor actor, CancellationToken cancellationToken)
    {
        var errors = LinkPolicyRules.Validate(requested);
        if (!errors.IsEmpty)
        {
            return Outcome<LinkPolicyUpdate>.Invalid(errors);
        }
        var now = time.GetUtcNow();
        var transition = await store.UpdateAsync(
            stored => LinkPolicyRules.Decide(stored, defaults.Policy, requested, now), actor.ToString(), cancellationToken);
        if (transition.Change is not null)
        {
            (metrics ?? SharekeepMetrics.Unobserved).PolicyChanged("link_policy");
        }
        return Outcome<LinkPolicyUpdate>.Ok(new LinkPolicyUpdate(await GetAsync(cancellationToken), transition.Change));
    }

    /// <summary>
    /// Active links that break the policy in force, oldest first, at most <paramref name="limit"/>. Each kind is
    /// asked for one more than the page, from an indexed query, so the page costs the same however many links exist.
    /// </summary>
    public async Task<LinkViolations> ListViolationsAsync(int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxViolationPage);
        var policy = (await GetAsync(cancellationToken)).Policy;
        var now = time.GetUtcNow();
        var found = new List<LinkViolation>();
        var fileRules = policy.FileLinks;
        if (fileRules.MaxLifetimeDays is not null || fileRules.RequirePassword)
        {
            var breaking = await links.ListBreakingAsync(
                now, LinkPolicyRules.Latest(fileRules.MaxLifetimeDays, now), fileRules.RequirePassword, limit + 1, cancellationToken);
            found.AddRange(breaking.Select(l => new LinkViolation(l, null, LinkPolicyRules.ViolationsOf(l.Link, fileRules, now))));
        }
        if (LinkPolicyRules.Latest(policy.Shares.MaxLifetimeDays, now) is { } latest)
        {
            var outliving = await shares.ListOutlivingAsync(latest, limit + 1, cancellationToken);
            found.AddRange(outliving.Select(s => new LinkViolation(null, s, LinkPolicyRules.ViolationsOf(s, policy.Shares, now))));
        }
        var page = found.OrderBy(v => v.Created).Take(limit).ToList();
        return new LinkViolations(page, found.Count > limit);
    }
}
