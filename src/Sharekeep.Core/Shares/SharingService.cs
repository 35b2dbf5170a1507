using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Keys;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Shares;

/// <summary>Makes, revokes and opens share links, always under the current sharing policy.</summary>
public sealed class SharingService(
    IShareStore shares,
    IResourceStore resources,
    PolicyService policy,
    LinkPolicyService linkPolicy,
    ILinkKeyGenerator keys,
    AuditLog audit,
    TimeProvider time,
    SharekeepMetrics? metrics = null)
{
    private readonly SharekeepMetrics _metrics = metrics ?? SharekeepMetrics.Unobserved;

    /// <summary>
    /// Shares a resource under the link policy: <paramref name="expires"/> (null for the policy's default lifetime,
    /// or never), refused past the policy's maximum. Sharing it again returns the same active share, unchanged,
    /// until it expires; then a new one is made.
    /// </summary>
    public async Task<Outcome<Share>> ShareAsync(
        ResourceKind kind, Guid resourceId, DateTimeOffset? expires, Actor actor, CancellationToken cancellationToken)
    {
        if (!await IsSharingEnabledAsync(cancellationToken))
        {
            return Outcome<Share>.SharingOff;
        }
        if (!await resources.ExistsAsync(kind, resourceId, cancellationToken))
        {
            return Outcome<Share>.NotFound("resourceId", $"There is no {kind.ToString().ToLowerInvariant()} with id {resourceId}.");
        }
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        if (expires <= now)
        {
            errors.Add("expires", "expires is in the past; give a moment in the future, or none for the link policy's default.");
        }
        else if (expires > now + Links.LinkRules.MaxLifetime)
        {
            errors.Add("expires", "expires is more than ten years ahead.");
        }
        var rules = (await linkPolicy.GetAsync(cancellationToken)).Policy.Shares;
        var applied = errors.IsEmpty ? LinkPolicyRules.ForNewShare(rules, expires, now, errors) : null;
        if (!errors.IsEmpty)
        {
            return Outcome<Share>.Invalid(errors);
        }
        string? made = null;
        var share = await shares.GetOrAddActiveAsync(
            kind,
            resourceId,
            () => new Share(made = keys.NewKey(), kind, resourceId, now, null, applied),
            now,
            cancellationToken);
        // Sharing a shared resource again answers its share and changes nothing: nothing to record.
        if (share.Key == made)
        {
            await audit.RecordAsync(
                actor, AuditActions.ShareCreated, [share.Key, resourceId.ToString()], new { Kind = KindName(kind), share.Expires }, cancellationToken);
        }
        return Outcome<Share>.Ok(share);
    }

    /// <summary>Revoking is allowed whatever the policy: switching sharing off must never stop a revoke.</summary>
    public async Task<bool> RevokeAsync(string shareKey, ResourceKind? kind, Actor actor, CancellationToken cancellationToken)
    {
        if (!LinkKeyFormat.IsWellFormed(shareKey) || !await shares.RevokeAsync(shareKey, kind, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }
        await audit.RecordAsync(actor, AuditActions.ShareRevoked, [shareKey], cancellationToken);
        return true;
    }

    private static string KindName(ResourceKind kind) => kind == ResourceKind.Report ? "report" : "dashboard";

    /// <summary>
    /// What a visitor holding <paramref name="shareKey"/> may open. The policy is checked first, so a
    /// visitor learns nothing about which keys exist while sharing is off.
    /// </summary>
    public async Task<Outcome<Share>> OpenAsync(ResourceKind kind, string shareKey, CancellationToken cancellationToken)
    {
        var kindName = VisitOutcomes.KindName(kind);
        if (!await IsSharingEnabledAsync(cancellationToken))
        {
            _metrics.Resolved(kindName, VisitOutcomes.SharingOff);
            return Outcome<Share>.SharingOff;
        }
        var share = LinkKeyFormat.IsWellFormed(shareKey) ? await shares.FindByKeyAsync(shareKey, cancellationToken) : null;
        // Told apart for the operator's metrics only; an expired share answers as no share at all, because the
        // reporting tool has no word for "expired".
        var outcome = share is null || share.Kind != kind ? VisitOutcomes.Unknown
            : !share.IsActive ? VisitOutcomes.Revoked
            : share.IsExpired(time.GetUtcNow()) ? VisitOutcomes.Expired
            : VisitOutcomes.Ok;
        _metrics.Resolved(kindName, outcome);
        return outcome == VisitOutcomes.Ok ? Outcome<Share>.Ok(share!) : Outcome<Share>.Unknown;
    }

    /// <summary>
    /// The resource's active share, whatever the policy: switching sharing off keeps the shares (their URLs only
    /// stop opening), so the owner still sees which resources have one.
    /// </summary>
    public async Task<Share?> FindActiveAsync(ResourceKind kind, Guid resourceId, CancellationToken cancellationToken)
    {
        var found = await FindActiveAsync(ResourceIds.Of(kind, resourceId), cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>
    /// The active shares among these resources, whatever the policy (as <see cref="FindActiveAsync(ResourceKind, Guid, CancellationToken)"/>);
    /// an expired share opens nothing, so it is not one.
    /// </summary>
    public async Task<IReadOnlyList<Share>> FindActiveAsync(ResourceIds resources, CancellationToken cancellationToken)
    {
        if (resources.IsEmpty)
        {
            return [];
        }
        var now = time.GetUtcNow();
        var found = await shares.FindActiveAsync(resources, cancellationToken);
        return found.Any(s => s.IsExpired(now)) ? [.. found.Where(s => !s.IsExpired(now))] : found;
    }

    public Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken) =>
        shares.ListAsync(query, cancellationToken);

    private async Task<bool> IsSharingEnabledAsync(CancellationToken cancellationToken) =>
        (await policy.GetAsync(cancellationToken)).SharingEnabled;
}
