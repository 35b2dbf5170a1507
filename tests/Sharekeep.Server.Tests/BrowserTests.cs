using OpenQA.Selenium;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The public pages and the admin console in a real browser (Debian's headless Chromium) against the real server.</summary>
[Trait(Browser.Trait, Browser.Chromium)]
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Secret = "browser-secret-0123456789abcdef";

    /// <summary>Views of a share over 30 days, oldest first: a working week's rhythm, so that the chart has a shape.</summary>
    private static readonly long[] ViewsOfAMonth = [.. Enumerable.Range(0, 30).Select(i => (long)(i % 7 is 5 or 6 ? 2 + i % 3 : 8 + (i * 7 % 11)))];

    private readonly string _directory = TempDirectory.Create();
    private ServerProcess? _server;

    private ServerProcess Server => _server!;

    public async ValueTask InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = Secret,
            ["Sharekeep__DataDirectory"] = _directory,
        });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        TempDirectory.Delete(_directory);
    }

    [ChromiumFact]
    public async Task AdminSwitchesSharingOff_TheReportPageSaysSo_AndShowsTheReportAgainWhenSwitchedOn()
    {
        var shareId = await ShareReportAsync();
        using var browser = Browser.Open(Server.Address);
        browser.Go($"/share/report/{shareId}");
        Assert.Equal("Quarterly sales", browser.Find("h1").Text);

        browser.SignIn(Secret);
        Flip(browser, "sharing");
        browser.Go($"/share/report/{shareId}");

        Assert.Equal("Sharing is switched off", browser.Find("h1").Text);

        browser.Go("/admin");
        Flip(browser, "sharing");
        browser.Go($"/share/report/{shareId}");

        Assert.Equal("Quarterly sales", browser.Find("h1").Text);
        Assert.Contains("north", browser.Find("table").Text, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task PasswordLink_RefusesAWrongPassword_ThenOpensTheFileWithTheRightOne()
    {
        using var admin = new SharekeepClient(Server.CreateClient(), Secret);
        var key = await admin.ShareFileAsync(new { title = "minutes", password = "Right-Password-1" }, name: "minutes.txt", content: "Minutes of the meeting");
        using var browser = Browser.Open(Server.Address);
        browser.Go($"/s/{key}");

        browser.Find("input[type=password]").SendKeys("Wrong-Password-1");
        browser.Submit("form button[type=submit]");
        Assert.Contains("That password is not right.", browser.Text, StringComparison.Ordinal);

        browser.Find("input[type=password]").SendKeys("Right-Password-1");
        browser.Submit("form button[type=submit]");

        Assert.Equal("minutes.txt", browser.Find("h1").Text);
        Assert.Contains("Minutes of the meeting", browser.Find("pre").Text, StringComparison.Ordinal);
        Assert.EndsWith($"/s/{key}", browser.Driver.Url, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task RevokedLink_LeavesTheListAndItsPageOpensNothing()
    {
        var shareId = await ShareReportAsync();
        using var browser = Browser.Open(Server.Address);
        browser.SignIn(Secret);
        Assert.Single(browser.FindAll("table.links tbody tr"));

        browser.Submit("table.links tbody tr form button");

        Assert.Contains("The link is revoked", browser.Find(".notice").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("table.links tbody tr"));
        browser.Go($"/share/report/{shareId}");
        Assert.Equal("Nothing here", browser.Find("h1").Text);
    }

    [ChromiumFact]
    public void UploadedFile_GetsALinkWhosePageShowsIt()
    {
        var upload = Path.Combine(_directory, "agenda.txt");
        File.WriteAllText(upload, "1. Budget\n2. Hiring\n");
        using var browser = Browser.Open(Server.Address);
        browser.SignIn(Secret);

        browser.Find("#file").SendKeys(upload);
        browser.Submit("form[enctype='multipart/form-data'] button[type=submit]");
        Assert.Contains("The file is uploaded", browser.Find(".notice").Text, StringComparison.Ordinal);
        browser.Submit("#link-form button[type=submit]");
        Assert.Contains("The file link is ready", browser.Find(".notice").Text, StringComparison.Ordinal);
        var page = browser.Find("table.links tbody tr td[data-label=Link] a").GetAttribute("href")!;
        browser.Driver.Navigate().GoToUrl(page);

        Assert.Equal("agenda.txt", browser.Find("h1").Text);
        Assert.Contains("2. Hiring", browser.Find("pre").Text, StringComparison.Ordinal);
        Assert.NotNull(browser.Find("a.button[download]"));
    }

    [ChromiumFact]
    public void WrongSecret_IsRefusedAndNothingIsShown()
    {
        using var browser = Browser.Open(Server.Address);

        browser.TrySignIn("not-the-secret");

        Assert.Contains("That is not the API secret, nor an API key with the admin scope.", browser.Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll(".switches"));
    }

    [ChromiumTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pages_ReadWithoutSidewaysScrolling_OnDesktopAndAt375Pixels(bool phone)
    {
        var shareId = await ShareReportAsync();
        using (var admin = new SharekeepClient(Server.CreateClient(), Secret))
        {
            var revenue = await admin.CreateReportAsync("Revenue", new
            {
                columns = new[] { "month", "revenue (k€)" },
                rows = new object[][] { ["July", 412], ["August", 388], ["September", 455], ["October", 471] },
            });
            var costs = await admin.CreateReportAsync("Costs", new
            {
                columns = new[] { "category", "cost (k€)" },
                rows = new object[][] { ["Staff", 210], ["Cloud", 64], ["Office", 38], ["Travel", 22] },
            });
            var dashboard = await admin.CreateDashboardAsync(revenue, costs);
            var dashboardShare = await admin.ShareDashboardAsync(dashboard);
            var key = await admin.ShareFileAsync(new { title = "contract", password = "Right-Password-1" }, name: "contract.pdf", content: "%PDF-1.4", contentType: "application/pdf");
            using var browser = Browser.Open(Server.Address, phone);
            var suffix = phone ? "375" : "desktop";

            browser.Go($"/share/report/{shareId}");
            Assert.False(browser.ScrollsSideways());
            browser.SaveScreenshot($"report-page-{suffix}");

            browser.Go($"/share/dashboard/{dashboardShare}");
            Assert.Equal(2, browser.FindAll("section.tile").Count);
            Assert.False(browser.ScrollsSideways());
            browser.SaveScreenshot($"dashboard-page-{suffix}");

            browser.Go($"/s/{key}");
            Assert.NotNull(browser.Find("input[type=password]"));
            Assert.False(browser.ScrollsSideways());
            browser.SaveScreenshot($"file-page-password-{suffix}");

            browser.SignIn(Secret);
            Assert.NotNull(browser.Find(".switches"));
            Assert.False(browser.ScrollsSideways());
            browser.SaveScreenshot($"admin-console-{suffix}");

            await StoredActivity.AddShareViewsAsync(_directory, shareId, ViewsOfAMonth);
            browser.Go($"/admin/links/{shareId}/activity");
            Assert.Equal(30, browser.FindAll("svg rect.chart-bar[height]:not([height='0'])").Count);
            Assert.False(browser.ScrollsSideways());
            browser.SaveScreenshot($"link-activity-{suffix}");
        }
    }

    [ChromiumFact]
    public async Task EveryFormControlOfTheConsole_HasALabel()
    {
        // Every form the console can show: sharing needs a report and a dashboard, a file link needs a file.
        using (var admin = new SharekeepClient(Server.CreateClient(), Secret))
        {
            await admin.CreateDashboardAsync(await admin.CreateReportAsync());
            await admin.UploadFileAsync();
        }
        using var browser = Browser.Open(Server.Address);
        browser.SignIn(Secret);
        Assert.Single(browser.FindAll("form[action='/admin/shares'] select#resource"));
        Assert.Single(browser.FindAll("form[action='/admin/links'] select#link-file"));
        Assert.Single(browser.FindAll("form[action='/admin/files'] input#file"));

        var unlabelled = (IReadOnlyCollection<object>)((IJavaScriptExecutor)browser.Driver).ExecuteScript("""
            return [...document.querySelectorAll('input:not([type=hidden]), select')]
              .filter(e => !e.labels?.length && !e.getAttribute('aria-label'))
              .map(e => e.outerHTML);
            """)!;

        Assert.Empty(unlabelled);
    }

    private async Task<string> ShareReportAsync()
    {
        using var admin = new SharekeepClient(Server.CreateClient(), Secret);
        var report = await admin.CreateReportAsync("Quarterly sales", new
        {
            columns = new[] { "region", "sales" },
            rows = new object[][] { ["north", 120], ["south", 98], ["east", 143], ["west", 77] },
        });
        return await admin.ShareReportAsync(report);
    }

    /// <summary>Presses the button of one sharing switch on the console.</summary>
    private static void Flip(Browser browser, string setting) =>
        browser.Submit($"form.switch:has(input[name=setting][value={setting}]) button[type=submit]");
}
