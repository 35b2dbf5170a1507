using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

/// <summary>Makes, revokes and opens share links, always under the current sharing policy.</summary>
public sealed class SharingService(
    IShareStore shares,
    IResourceStore resources,
    PolicyService policy,
    IShareKeyGenerator keys,
    TimeProvider time)
{
    /// <summary>Shares a resource; sharing it again returns the same active share.</summary>
    public async Task<ShareOutcome> ShareAsync(ResourceKind kind, Guid resourceId, CancellationToken cancellationToken)
    {
        if (!await IsSharingEnabledAsync(cancellationToken))
        {
            return ShareOutcome.SharingDisabled;
        }
        if (!await resources.ExistsAsync(kind, resourceId, cancellationToken))
        {
            return ShareOutcome.NotFound;
        }

        var share = await shares.GetOrAddActiveAsync(
            kind,
            resourceId,
            () => new Share(keys.NewKey(), kind, resourceId, time.GetUtcNow(), null),
            cancellationToken);
        return ShareOutcome.Ok(share);
    }

    /// <summary>Revoking is allowed whatever the policy: switching sharing off must never stop a revoke.</summary>
    public Task<bool> RevokeAsync(string shareId, ResourceKind? kind, CancellationToken cancellationToken) =>
        ShareKeyFormat.IsWellFormed(shareId)
            ? shares.RevokeAsync(shareId, kind, time.GetUtcNow(), cancellationToken)
            : Task.FromResult(false);

    /// <summary>
    /// What a visitor holding <paramref name="shareId"/> may open. The policy is checked first, so a
    /// visitor learns nothing about which keys exist while sharing is off.
    /// </summary>
    public async Task<ShareOutcome> OpenAsync(ResourceKind kind, string shareId, CancellationToken cancellationToken)
    {
        if (!await IsSharingEnabledAsync(cancellationToken))
        {
            return ShareOutcome.SharingDisabled;
        }
        if (!ShareKeyFormat.IsWellFormed(shareId))
        {
            return ShareOutcome.NotFound;
        }
        var share = await shares.FindAsync(shareId, cancellationToken);
        return share is { IsActive: true } && share.Kind == kind
            ? ShareOutcome.Ok(share)
            : ShareOutcome.NotFound;
    }

    public Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken) =>
        shares.ListAsync(query, cancellationToken);

    private async Task<bool> IsSharingEnabledAsync(CancellationToken cancellationToken) =>
        (await policy.GetAsync(cancellationToken)).SharingEnabled;
}
