using Sharekeep.Core;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Native.Links;

namespace Sharekeep.Server.Admin;

/// <summary>
/// One page of the console's link list, read from the link inventory (the same query as GET /api/v1/links).
/// <paramref name="NextPage"/> is the address of the next page (a sealed keyset cursor), null on the last;
/// paging goes forward only, and <paramref name="FirstPage"/> says whether this page started from the top.
/// </summary>
public sealed record AdminLinkList(
    AdminLinkFilter Filter,
    IReadOnlyList<AdminLinkRow> Rows,
    string? NextPage,
    bool FirstPage,
    IReadOnlyList<string> Errors)
{
    public const int PageSize = 50;
}

/// <summary>
/// One link in the list; <paramref name="RevokePath"/> is null for a link already revoked. Views and last access
/// are over the kept days (zero and null when read without activity, as a bulk action's preview is).
/// </summary>
public sealed record AdminLinkRow(
    string Kind,
    string Resource,
    string? Title,
    string Url,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    LinkState State,
    bool HasPassword,
    string? RevokePath,
    long Views = 0,
    DateTimeOffset? LastAccess = null,
    string? ActivityPath = null)
{
    public static AdminLinkRow Of(InventoryLink link, DateTimeOffset now, HttpRequest request, ActivitySummary? activity = null) => new(
        link.Kind.ToString(),
        link.Name,
        link.Title,
        LinkResponse.UrlOf(link, request),
        link.Created,
        link.Expires,
        link.StateAt(now),
        link.HasPassword,
        link.Revoked is not null ? null
        : link.FileLinkId is { } id ? $"{AdminEndpoints.Path}/files/{link.ResourceId}/links/{id}/revoke"
        : $"{AdminEndpoints.Path}/shares/{Uri.EscapeDataString(link.Key)}/revoke",
        activity?.Views ?? 0,
        activity?.LastAccess,
        AdminLinkActivity.PathOf(link.FileLinkId?.ToString() ?? link.Key));
}

internal sealed class AdminLinkListReader(LinkInventory inventory, LinkParameters parameters, ActivityReader activity)
{
    /// <summary>The page after <paramref name="cursor"/> (the first without one); bad filter values answer their messages and no rows.</summary>
    public async Task<AdminLinkList> ReadAsync(HttpRequest request, AdminLinkFilter filter, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var read = LinkQueryRules.ReadFilter(filter.ToInput(errors), errors);
        var sort = LinkQueryRules.ReadSort(filter.Sort, errors);
        var after = errors.Names("sort") ? null : parameters.Open(cursor, sort, errors);
        if (!errors.IsEmpty)
        {
            return new AdminLinkList(filter, [], null, cursor is null, errors.Messages());
        }
        var page = await inventory.ListAsync(new LinkQuery(read, sort, AdminLinkList.PageSize, after), cancellationToken);
        var summaries = await activity.SummariesAsync(page.Links, cancellationToken);
        return new AdminLinkList(
            filter,
            [.. page.Links.Select(l => AdminLinkRow.Of(l, page.Now, request, summaries.GetValueOrDefault(ActivityReader.LinkOf(l))))],
            page.Next is { } next ? filter.Address(("cursor", parameters.Seal(next))) : null,
            after is null,
            []);
    }
}
