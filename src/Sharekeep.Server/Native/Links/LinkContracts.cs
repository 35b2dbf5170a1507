using System.Text.Json;
using System.Text.Json.Serialization;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Native.Links;

/// <summary>A page of GET /api/v1/links; nextCursor is null on the last page.</summary>
internal sealed record LinkPageResponse(IReadOnlyList<LinkResponse> Links, string? NextCursor);

/// <summary>
/// One link of the inventory: id is a share's key or a file link's id; title, denyDownload and primary are a file
/// link's (null for a share). previousId and previousUrl only in a real rotate's answer: the key it killed. views
/// (over the kept days of activity) and lastAccess (its last view or download; absent if none) in the list's items,
/// not in bulk answers.
/// </summary>
internal sealed record LinkResponse(
    string Id,
    string Kind,
    Guid ResourceId,
    string Name,
    string? Title,
    string Url,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    string State,
    bool HasPassword,
    bool? DenyDownload,
    bool? Primary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PreviousId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PreviousUrl = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Views = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LastAccess = null)
{
    /// <summary>An item of the list: with its activity summary (none: no view kept).</summary>
    public static LinkResponse Listed(InventoryLink link, DateTimeOffset now, HttpRequest request, ActivitySummary? activity) =>
        Of(link, now, request) with { Views = activity?.Views ?? 0, LastAccess = activity?.LastAccess };

    public static LinkResponse Of(InventoryLink link, DateTimeOffset now, HttpRequest request, InventoryLink? previous = null) => new(
        IdOf(link),
        LinkQueryRules.NameOf(link.Kind),
        link.ResourceId,
        link.Name,
        link.Title,
        UrlOf(link, request),
        link.Created,
        link.Expires,
        link.Revoked,
        LinkQueryRules.NameOf(link.StateAt(now)),
        link.HasPassword,
        link.DenyDownload,
        link.Primary,
        previous is null ? null : IdOf(previous),
        previous is null ? null : UrlOf(previous, request));

    private static string IdOf(InventoryLink link) => link.FileLinkId?.ToString() ?? link.Key;

    public static string UrlOf(InventoryLink link, HttpRequest request) => link.Kind switch
    {
        LinkKind.File => PublicUrls.FilePage(request, link.Key),
        LinkKind.Report => PublicUrls.SharePage(request, Core.Resources.ResourceKind.Report, link.Key),
        _ => PublicUrls.SharePage(request, Core.Resources.ResourceKind.Dashboard, link.Key),
    };
}

/// <summary>
/// POST /api/v1/links/bulk. filter uses the inventory's names (kind and state a string or a list); absent or {}
/// is every active link. expiresAt is for expire-at, denyDownload for set-deny-download (default true).
/// </summary>
internal sealed record BulkLinksRequest(BulkFilterRequest? Filter, string? Action, string? ExpiresAt, bool? DenyDownload, bool? DryRun)
{
    /// <summary>A misspelt "dryRun" must not turn a dry run into a real one: unknown fields are refused.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>Times and ids are read as text so that a bad one is answered naming its field; an unknown field is refused, never ignored.</summary>
internal sealed record BulkFilterRequest(
    JsonElement? Kind,
    string? ResourceId,
    string? FileId,
    JsonElement? State,
    JsonElement? HasPassword,
    JsonElement? DenyDownload,
    string? CreatedAfter,
    string? CreatedBefore,
    string? ExpiresAfter,
    string? ExpiresBefore,
    string? Q)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>What a bulk action changed (dry run: would change): the count and at most the first hundred links.</summary>
internal sealed record BulkLinksResponse(string Action, bool DryRun, long Count, IReadOnlyList<LinkResponse> Links);
