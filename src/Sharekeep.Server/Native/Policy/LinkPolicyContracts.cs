using System.Text.Json.Serialization;
using Sharekeep.Server.Native.Shares;

namespace Sharekeep.Server.Native.Policy;

/// <summary>
/// PUT /api/v1/link-policy: the whole policy. Both objects and every boolean are required (a body that says
/// nothing must not lift every limit); a number left out or null is no limit.
/// </summary>
internal sealed record LinkPolicyRequest(FileLinkPolicyRequest? FileLinks, SharePolicyRequest? Shares);

internal sealed record FileLinkPolicyRequest(
    int? DefaultLifetimeDays, int? MaxLifetimeDays, bool? RequirePassword, int? MinPasswordLength, bool? DenyDownloadByDefault);

internal sealed record SharePolicyRequest(int? DefaultLifetimeDays, int? MaxLifetimeDays);

/// <summary>The link policy in force; null numbers are no limit, lastModified is null while configuration supplies it.</summary>
internal sealed record LinkPolicyResponse(FileLinkPolicyResponse FileLinks, SharePolicyResponse Shares, DateTimeOffset? LastModified);

internal sealed record FileLinkPolicyResponse(
    int? DefaultLifetimeDays, int? MaxLifetimeDays, bool RequirePassword, int? MinPasswordLength, bool DenyDownloadByDefault);

internal sealed record SharePolicyResponse(int? DefaultLifetimeDays, int? MaxLifetimeDays);

/// <summary>Active links that break the policy in force, oldest first; truncated when there are more than limit.</summary>
internal sealed record LinkViolationsResponse(IReadOnlyList<LinkViolationResponse> Links, bool Truncated);

/// <summary>
/// One link and the policy fields it breaks ("fileLinks.maxLifetimeDays", "fileLinks.requirePassword",
/// "shares.maxLifetimeDays"). kind is "fileLink", "report" or "dashboard"; id is the file link's id or the share's
/// id (its key, as in /api/v1/shares); fileId for a file link, resourceId for a share.
/// </summary>
internal sealed record LinkViolationResponse(
    string Kind,
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? FileId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ResourceId,
    string Name,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    bool HasPassword,
    IReadOnlyList<string> Rules)
{
    public static LinkViolationResponse Of(Core.Policy.LinkViolation violation) => violation switch
    {
        { FileLink: { } listed } => new(
            "fileLink", listed.Link.Id.ToString(), listed.Link.FileId, null, listed.FileName, listed.Link.Created, listed.Link.Expires, listed.Link.HasPassword, violation.Rules),
        { Share: { } share } => new(
            ResourceTypeNames.Of(share.Kind), share.Key, null, share.ResourceId, ResourceTypeNames.Of(share.Kind), share.Created, share.Expires, false, violation.Rules),
        _ => throw new ArgumentException("A violation names a file link or a share.", nameof(violation)),
    };
}
