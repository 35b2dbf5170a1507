using Sharekeep.Core.Keys;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Shares;

/// <summary>Makes, revokes and opens share links, always under the current sharing policy.</summary>
public sealed class SharingService(
    IShareStore shares,
    IResourceStore resources,
    PolicyService policy,
    ILinkKeyGenerator keys,
    TimeProvider time)
{
    /// <summary>Shares a resource; sharing it again returns the same active share.</summary>
    public async Task<Outcome<Share>> ShareAsync(ResourceKind kind, Guid resourceId, CancellationToken cancellationToken)
    {
        if (!await IsSharingEnabledAsync(cancellationToken))
        {
            return Outcome<Share>.SharingOff;
        }
        if (!await resources.ExistsAsync(kind, resourceId, cancellationToken))
        {
            return Outcome<Share>.NotFound("resourceId", $"There is no {kind.ToString().ToLowerInvariant()} with id {resourceId}.");
        }

        var share = await shares.GetOrAddActiveAsync(
            kind,
            resourceId,
            () => new Share(keys.NewKey(), kind, resourceId, time.GetUtcNow(), null),
            cancellationToken);
        return Outcome<Share>.Ok(share);
    }

    /// <summary>Revoking is allowed whatever the policy: switching sharing off must never stop a revoke.</summary>
    public Task<bool> RevokeAsync(string shareKey, ResourceKind? kind, CancellationToken cancellationToken) =>
        LinkKeyFormat.IsWellFormed(shareKey)
            ? shares.RevokeAsync(shareKey, kind, time.GetUtcNow(), cancellationToken)
            : Task.FromResult(false);

    /// <summary>
    /// What a visitor holding <paramref name="shareKey"/> may open. The policy is checked first, so a
    /// visitor learns nothing about which keys exist while sharing is off.
    /// </summary>
    public async Task<Outcome<Share>> OpenAsync(ResourceKind kind, string shareKey, CancellationToken cancellationToken)
    {
        if (!await IsSharingEnabledAsync(cancellationToken))
        {
            return Outcome<Share>.SharingOff;
        }
        if (!LinkKeyFormat.IsWellFormed(shareKey))
        {
            return Outcome<Share>.Unknown;
        }
        var share = await shares.FindByKeyAsync(shareKey, cancellationToken);
        return share is { IsActive: true } && share.Kind == kind
            ? Outcome<Share>.Ok(share)
            : Outcome<Share>.Unknown;
    }

    /// <summary>
    /// The resource's active share, whatever the policy: switching sharing off keeps the shares (their URLs only
    /// stop opening), so the owner still sees which resources have one.
    /// </summary>
    public async Task<Share?> FindActiveAsync(ResourceKind kind, Guid resourceId, CancellationToken cancellationToken)
    {
        var found = await shares.FindActiveAsync(ResourceIds.Of(kind, resourceId), cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>The active shares among these resources, whatever the policy (as <see cref="FindActiveAsync(ResourceKind, Guid, CancellationToken)"/>).</summary>
    public Task<IReadOnlyList<Share>> FindActiveAsync(ResourceIds resources, CancellationToken cancellationToken) =>
        resources.IsEmpty
            ? Task.FromResult<IReadOnlyList<Share>>([])
            : shares.FindActiveAsync(resources, cancellationToken);

    public Task<IReadOnlyList<Share>> ListAsync(ShareQuery query, CancellationToken cancellationToken) =>
        shares.ListAsync(query, cancellationToken);

    private async Task<bool> IsSharingEnabledAsync(CancellationToken cancellationToken) =>
        (await policy.GetAsync(cancellationToken)).SharingEnabled;
}
