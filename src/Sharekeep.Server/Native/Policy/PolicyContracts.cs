using System.Text.Json.Serialization;

namespace Sharekeep.Server.Native.Policy;

/// <summary>
/// The effective policy; lastModified is null until the API first sets a value. socialMediaEnabled is what is
/// in force (it needs external sharing on); socialMediaSetting is the switch as set.
/// </summary>
internal sealed record PolicyResponse(
    bool SharingEnabled, bool ExternalSharingEnabled, bool SocialMediaEnabled, bool SocialMediaSetting, DateTimeOffset? LastModified);

/// <summary>
/// One policy change; actor names the credential ("api-secret", "key:&lt;id&gt;", "console:&lt;session&gt;/..."), null for
/// older entries. A switch's entry has oldValue and newValue; the link policy's (setting "linkPolicy") has
/// oldPolicy and newPolicy instead.
/// </summary>
internal sealed record AuditEntryResponse(
    long Id,
    DateTimeOffset At,
    string Setting,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? OldValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? NewValue,
    string? Actor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkPolicyResponse? OldPolicy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkPolicyResponse? NewPolicy = null);
