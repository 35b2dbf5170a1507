using Sharekeep.Core.Policy;

namespace Sharekeep.Storage.Caching;

/// <summary>The stored policy from memory: every visitor's request checks it, and it changes rarely.</summary>
internal sealed class CachedPolicyStore(Lazy<IPolicyStore> inner, StorageCache cache) : IPolicyStore
{
    public async Task<IReadOnlyList<StoredSetting>> GetAllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync<IReadOnlyList<StoredSetting>>(
            ChangeArea.Policy, Change.PolicyKey, async () => await inner.Value.GetAllAsync(cancellationToken)) ?? [];

    public Task<PolicyTransition> UpdateAsync(
        PolicySetting setting, Func<StoredSetting?, PolicyTransition> decide, string actor, CancellationToken cancellationToken) =>
        cache.WriteAsync(() => inner.Value.UpdateAsync(setting, decide, actor, cancellationToken), Change.Policy);
}
