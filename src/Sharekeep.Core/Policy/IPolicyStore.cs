namespace Sharekeep.Core.Policy;

public interface IPolicyStore
{
    Task<IReadOnlyList<StoredSetting>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the stored value of <paramref name="setting"/>, asks <paramref name="decide"/> what to do and
    /// writes its answer (setting and audit entry naming <paramref name="actor"/>) in one transaction, so concurrent
    /// calls cannot interleave.
    /// </summary>
    Task<PolicyTransition> UpdateAsync(
        PolicySetting setting, Func<StoredSetting?, PolicyTransition> decide, string actor, CancellationToken cancellationToken);
}
