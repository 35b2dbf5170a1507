namespace Sharekeep.Core.Policy;

/// <summary>The precedence rule: a stored value wins over configuration, and only real changes are audited.</summary>
public static class PolicyRules
{
    public static bool Effective(StoredSetting? stored, bool configured) => stored?.Value ?? configured;

    /// <summary>
    /// Setting a value pins it, even when it equals the configured one, so that a later edit of the
    /// configuration file cannot undo what an administrator chose. An audit entry is written only
    /// when the effective value changes; repeating a call writes nothing at all.
    /// </summary>
    public static PolicyTransition Decide(
        PolicySetting setting, StoredSetting? stored, bool configured, bool requested, DateTimeOffset now)
    {
        if (stored is not null && stored.Value == requested)
        {
            return new PolicyTransition(null, null);
        }
        var old = Effective(stored, configured);
        var write = new StoredSetting(setting, requested, now);
        var change = old == requested ? null : new PolicyChange(now, setting, old, requested);
        return new PolicyTransition(write, change);
    }
}
