using System.Text.Json;
using System.Text.Json.Serialization;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Policy;
using Sharekeep.Server.Native.Policy;

namespace Sharekeep.Server.Native.Audit;

/// <summary>
/// One audit entry. action, records and details describe every entry; setting, oldValue and newValue (a switch),
/// and oldPolicy and newPolicy (the link policy, setting "linkPolicy") are the fields the audit had when it held
/// only the policy's changes, kept for the clients written then; setting is null for every other action. actor
/// names the credential ("api-secret", "key:&lt;id&gt;", "console:&lt;session&gt;/..."), null for older entries.
/// </summary>
internal sealed record AuditEntryResponse(
    long Id,
    DateTimeOffset At,
    string? Setting,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? OldValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? NewValue,
    string? Actor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkPolicyResponse? OldPolicy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinkPolicyResponse? NewPolicy,
    string Action,
    IReadOnlyList<string> Records,
    JsonElement? Details)
{
    public static AuditEntryResponse Of(AuditEntry entry) => entry switch
    {
        { Change: { } change } => new(
            entry.Id, entry.At, AuditActions.SettingName(change.Setting), change.OldValue, change.NewValue, entry.Actor, null, null,
            entry.Action, entry.Records, entry.Details),
        { LinkPolicyChange: { } policy } => new(
            entry.Id, entry.At, "linkPolicy", null, null, entry.Actor,
            LinkPolicyEndpoints.ToResponse(new EffectiveLinkPolicy(policy.OldPolicy, null)),
            LinkPolicyEndpoints.ToResponse(new EffectiveLinkPolicy(policy.NewPolicy, entry.At)),
            entry.Action, entry.Records, entry.Details),
        _ => new(entry.Id, entry.At, null, null, null, entry.Actor, null, null, entry.Action, entry.Records, entry.Details),
    };
}

/// <summary>The audit's filters as the query string gives them, read by <see cref="AuditParameters.TryRead"/>.</summary>
internal sealed record AuditFilterParameters(
    string? Limit, string? BeforeId, string? AfterId, string? Action, string? Actor, string? From, string? To);
