using Sharekeep.Core.Credentials;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Policy;

/// <summary>Reads and changes the sharing policy; both API dialects call this one service.</summary>
public sealed class PolicyService(IPolicyStore store, PolicyDefaults defaults, TimeProvider time, SharekeepMetrics? metrics = null)
{
    public async Task<SharingPolicy> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetAllAsync(cancellationToken);
        DateTimeOffset? lastModified = stored.Count == 0 ? null : stored.Max(s => s.Modified);
        return new SharingPolicy(
            Value(PolicySetting.Sharing),
            Value(PolicySetting.ExternalSharing),
            Value(PolicySetting.SocialMedia),
            lastModified);

        bool Value(PolicySetting setting) =>
            PolicyRules.Effective(stored.FirstOrDefault(s => s.Setting == setting), defaults.For(setting));
    }

    /// <summary>Idempotent: returns the audited change, or null when the effective value did not change.</summary>
    public async Task<PolicyChange?> SetAsync(PolicySetting setting, bool enabled, Actor actor, CancellationToken cancellationToken)
    {
        var configured = defaults.For(setting);
        var now = time.GetUtcNow();
        var transition = await store.UpdateAsync(
            setting,
            stored => PolicyRules.Decide(setting, stored, configured, enabled, now),
            actor.ToString(),
            cancellationToken);
        if (transition.Change is not null)
        {
            (metrics ?? SharekeepMetrics.Unobserved).PolicyChanged(setting switch { PolicySetting.Sharing => "sharing", PolicySetting.ExternalSharing => "external_sharing", _ => "social_media" });
        }
        return transition.Change;
    }
}
