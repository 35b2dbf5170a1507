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

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>One entry of the audit trail: a switch's change or a link policy's change, whichever it records.</summary>
/// <param name="Actor">Who made the change (<see cref="Credentials.Actor"/>); null for entries written before actors were kept.</param>
public sealed record AuditEntry(long Id, PolicyChange? Change, string? Actor, LinkPolicyChange? LinkPolicyChange = null)
{
    public DateTimeOffset At => Change?.At ?? LinkPolicyChange!.At;
}
