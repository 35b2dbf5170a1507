using System.Text.Json;
using Sharekeep.Core.Policy;

namespace Sharekeep.Core.Audit;

/// <summary>One entry of the audit trail: who did what to which records, when.</summary>
/// <param name="Actor">Who did it (<see cref="Credentials.Actor"/>'s text); null for entries written before actors were kept.</param>
/// <param name="Records">The ids of the records it touched, the one it is about first; may be empty.</param>
/// <param name="Details">What else the action says (never a secret); null when it says nothing more.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Action, string? Actor, IReadOnlyList<string> Records, JsonElement? Details)
{
    /// <summary>For a switch's entry: the switch and its values before and after.</summary>
    public PolicyChange? Change { get; init; }

    /// <summary>For a link policy's entry: the policies before and after.</summary>
    public LinkPolicyChange? LinkPolicyChange { get; init; }
}

/// <summary>
/// Which entries a listing answers. <see cref="Action"/> is an exact name or a prefix ending in "."; <see cref="Actor"/>
/// matches an entry's actor exactly, or the credential a console session was opened with.
/// <see cref="From"/> is inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery(
    int Limit = AuditQuery.DefaultLimit,
    long? BeforeId = null,
    long? AfterId = null,
    string? Action = null,
    string? Actor = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
