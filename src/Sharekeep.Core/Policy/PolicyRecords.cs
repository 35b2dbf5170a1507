namespace Sharekeep.Core.Policy;

/// <summary>A value set through the API; it outranks configuration from then on.</summary>
public sealed record StoredSetting(PolicySetting Setting, bool Value, DateTimeOffset Modified);

/// <summary>One entry of the audit trail: the effective value went from old to new.</summary>
public sealed record PolicyChange(DateTimeOffset At, PolicySetting Setting, bool OldValue, bool NewValue);

/// <summary>What the policy store should write, decided by <see cref="PolicyRules"/>; nulls mean "nothing".</summary>
public sealed record PolicyTransition(StoredSetting? Write, PolicyChange? Change);

/// <summary>The effective policy, as the APIs report it.</summary>
/// <param name="SocialMediaSetting">
/// The social-media switch as set, kept apart from external sharing so that switching external sharing off
/// and on again brings it back as it was.
/// </param>
public sealed record SharingPolicy(
    bool SharingEnabled, bool ExternalSharingEnabled, bool SocialMediaSetting, DateTimeOffset? LastModified)
{
    public bool SocialMediaEnabled => ExternalSharingEnabled && SocialMediaSetting;

    public bool IsEnabled(PolicySetting setting) => setting switch
    {
        PolicySetting.Sharing => SharingEnabled,
        PolicySetting.ExternalSharing => ExternalSharingEnabled,
        PolicySetting.SocialMedia => SocialMediaEnabled,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };
}

/// <summary>The configured values: in force only until the API first sets each one.</summary>
public sealed class PolicyDefaults
{
    public bool SharingEnabled { get; init; } = true;

    public bool ExternalSharingEnabled { get; init; } = true;

    public bool SocialMediaEnabled { get; init; }

    public bool For(PolicySetting setting) => setting switch
    {
        PolicySetting.Sharing => SharingEnabled,
        PolicySetting.ExternalSharing => ExternalSharingEnabled,
        PolicySetting.SocialMedia => SocialMediaEnabled,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };
}
