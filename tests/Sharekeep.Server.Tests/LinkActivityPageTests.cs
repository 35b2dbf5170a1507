using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>/admin/links/{id}/activity: one link's activity in the console, for a signed-in administrator only.</summary>
public sealed class LinkActivityPageTests : IAsyncLifetime
{
    private SharekeepApplication _app = null!;
    private SharekeepClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        _app = new SharekeepApplication();
        _admin = _app.Admin();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A console session, after the share was viewed twice and the counts written.</summary>
    private async Task<SharekeepClient> SignedInAfterTwoViewsAsync(string key)
    {
        using (var visitor = _app.Visitor())
        {
            await visitor.SendAsync(ActivityHarness.Get($"/share/report/{key}"));
            await visitor.SendAsync(ActivityHarness.Get($"/share/report/{key}"));
        }
        await ActivityHarness.FlushAsync(_app);
        var browser = _app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);
        return browser;
    }

    [Fact]
    public async Task ASignedInAdministrator_SeesTotalsAChartAndATableOfTheDays()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        using var browser = await SignedInAfterTwoViewsAsync(key);

        var page = await browser.GetAsync($"/admin/links/{key}/activity");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<svg", page.Text, StringComparison.Ordinal);
        Assert.Contains("<title id=\"activity-title\">", page.Text, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"activity-desc\">2 views and downloads", page.Text, StringComparison.Ordinal);
        Assert.Equal(30, page.Text.Split("<tr><th scope=\"row\">").Length - 1);
        Assert.DoesNotContain("<script", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheConsolesLinkList_ShowsEachLinksViews_LinkingToItsActivityPage()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        var quiet = await _admin.ShareReportAsync(await _admin.CreateReportAsync("never opened"));
        using var browser = await SignedInAfterTwoViewsAsync(key);

        var page = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches($"<a href=\"/admin/links/{key}/activity\"[^>]*>2</a>", page.Text);
        Assert.Matches($"<a href=\"/admin/links/{quiet}/activity\"[^>]*>0</a>", page.Text);
    }

    [Fact]
    public async Task AnUnknownLink_Is404WithAPage()
    {
        using var browser = _app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);

        var page = await browser.GetAsync("/admin/links/no-such-key/activity");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("No such link", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSigningIn_TheConsoleAsksToSignIn()
    {
        var key = await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        using var stranger = _app.RawVisitor();

        var page = await stranger.GetAsync($"/admin/links/{key}/activity");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.DoesNotContain(key, page.Text, StringComparison.Ordinal);
    }
}
