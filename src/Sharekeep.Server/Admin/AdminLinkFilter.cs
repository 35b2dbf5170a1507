using System.Text;
using Sharekeep.Core;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Native.Links;

namespace Sharekeep.Server.Admin;

/// <summary>
/// The console's link filter as its GET form sends it: the query names of GET /api/v1/links, as text. An empty box is
/// no filter (a form sends every field, blank or not); the state is active unless the form names another, so that the
/// list and a bulk action over it start from the same links as POST /api/v1/links/bulk with {} does.
/// </summary>
public sealed record AdminLinkFilter(
    string? Kind,
    string? ResourceId,
    string? FileId,
    string State,
    string? HasPassword,
    string? DenyDownload,
    string? Q,
    string? CreatedAfter,
    string? CreatedBefore,
    string? ExpiresAfter,
    string? ExpiresBefore,
    string? Sort)
{
    public const string DefaultState = "active";

    /// <summary>The "any state" choice of the form.</summary>
    public const string AnyState = "active,expired,revoked";

    public static readonly AdminLinkFilter Default = From(_ => null);

    /// <summary>The filter's fields read by name from a query string or a form.</summary>
    public static AdminLinkFilter From(Func<string, string?> field)
    {
        string? Read(string name) => field(name)?.Trim() is { Length: > 0 } value ? value : null;
        return new AdminLinkFilter(
            Read("kind"), Read("resourceId"), Read("fileId"), Read("state") ?? DefaultState, Read("hasPassword"), Read("denyDownload"), Read("q"),
            Read("createdAfter"), Read("createdBefore"), Read("expiresAfter"), Read("expiresBefore"), Read("sort"));
    }

    public static AdminLinkFilter From(IQueryCollection query) => From(name => query.TryGetValue(name, out var value) ? value.ToString() : null);

    public static AdminLinkFilter From(IFormCollection form) => From(name => form.TryGetValue(name, out var value) ? value.ToString() : null);

    /// <summary>Whether the form narrows the list beyond its default (active links, newest first).</summary>
    public bool Narrows => this with { Sort = null } != Default;

    /// <summary>The filter in the inventory's own terms, read by the same rules as GET /api/v1/links (mistakes land in <paramref name="errors"/>).</summary>
    public LinkFilterInput ToInput(ValidationErrors errors) =>
        new LinkListParameters(Kind, ResourceId, FileId, State, HasPassword, DenyDownload, CreatedAfter, CreatedBefore, ExpiresAfter, ExpiresBefore, Q, Sort, null, null).ToInput(errors);

    /// <summary>The fields given, by name: hidden inputs of a form that acts on the same list.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields()
    {
        IEnumerable<KeyValuePair<string, string?>> all =
        [
            new("kind", Kind), new("resourceId", ResourceId), new("fileId", FileId), new("state", State),
            new("hasPassword", HasPassword), new("denyDownload", DenyDownload), new("q", Q),
            new("createdAfter", CreatedAfter), new("createdBefore", CreatedBefore),
            new("expiresAfter", ExpiresAfter), new("expiresBefore", ExpiresBefore), new("sort", Sort),
        ];
        return all.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!));
    }

    /// <summary>The console's address showing this filter, with further parameters (a cursor, a bulk result) after it.</summary>
    public string Address(params (string Name, string Value)[] more)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in Fields().Select(f => (f.Key, f.Value)).Concat(more))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return AdminEndpoints.Path + query;
    }
}
