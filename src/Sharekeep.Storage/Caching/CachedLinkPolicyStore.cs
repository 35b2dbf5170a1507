using Sharekeep.Core.Policy;

namespace Sharekeep.Storage.Caching;

/// <summary>The link policy from memory: every new link reads it. "Never set" is cached too, as a stored null.</summary>
internal sealed class CachedLinkPolicyStore(Lazy<ILinkPolicyStore> inner, StorageCache cache) : ILinkPolicyStore
{
    public async Task<StoredLinkPolicy?> GetAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync(
            ChangeArea.LinkPolicy, Change.PolicyKey, async () => new Loaded(await inner.Value.GetAsync(cancellationToken))))?.Stored;

    public Task<LinkPolicyTransition> UpdateAsync(
        Func<StoredLinkPolicy?, LinkPolicyTransition> decide, string actor, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.UpdateAsync(decide, actor, cancellationToken), Change.LinkPolicy);

    private sealed record Loaded(StoredLinkPolicy? Stored);
}
