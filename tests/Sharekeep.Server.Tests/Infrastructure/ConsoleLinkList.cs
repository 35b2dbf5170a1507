using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>The console's link list read from its HTML, as a person would read it: the rows' addresses and the paging links.</summary>
public static partial class ConsoleLinkList
{
    /// <summary>The public address of every row of the list (not of a bulk action's preview), in order.</summary>
    public static List<string> Urls(string page)
    {
        var list = page.Split("aria-label=\"Share links\"")[1].Split("</table>")[0];
        return [.. RowLink().Matches(list).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))];
    }

    /// <summary>The "Next page" address, or null on the last page.</summary>
    public static string? NextPage(string page) =>
        NextLink().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["url"].Value) : null;

    /// <summary>The public address of each link the inventory holds, by its API id (a share's key, a file link's id).</summary>
    public static async Task<Dictionary<string, string>> UrlsByIdAsync(SharekeepClient admin)
    {
        var answer = await admin.GetAsync("/api/v1/links?state=active,expired,revoked&limit=1000");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("url").GetString()!);
    }

    [GeneratedRegex("<td data-label=\"Link\"><a href=\"(?<url>[^\"]+)\">open</a>")]
    private static partial Regex RowLink();

    [GeneratedRegex("<a href=\"(?<url>[^\"]+)\" rel=\"next\">")]
    private static partial Regex NextLink();
}

/// <summary>
/// A server holding the inventory's seed (links of every kind and state on a test clock), its API client, a browser
/// not yet signed in, and each seeded link's public address by its API id.
/// </summary>
public sealed record SeededConsole(SharekeepApplication App, SharekeepClient Admin, SharekeepClient Browser, InventorySeed Seed, Dictionary<string, string> Urls)
    : IAsyncDisposable
{
    public static async Task<SeededConsole> MakeAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = app.Admin();
        var seed = await InventorySeed.MakeAsync(admin, clock);
        return new SeededConsole(app, admin, app.Visitor(), seed, await ConsoleLinkList.UrlsByIdAsync(admin));
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        Admin.Dispose();
        await App.DisposeAsync();
    }
}
