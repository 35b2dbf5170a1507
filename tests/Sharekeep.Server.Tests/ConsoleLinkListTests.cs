using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The console's link list over the link inventory: pages by cursor, the same filters as GET /api/v1/links, and their refusals.</summary>
public sealed class ConsoleLinkListTests
{
    [Fact]
    public async Task Paging_ThroughMoreThanOnePage_ShowsEveryActiveLinkOnce()
    {
        // One frozen moment: every tie in the order is broken by table and key, which the cursor must carry.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        for (var i = 0; i < 30; i++)
        {
            await admin.ShareReportAsync(await admin.CreateReportAsync($"report {i}"));
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/files/{fileId}/links", new { title = $"link {i}" })).Status);
        }
        var first = (await ConsoleSignIn.SignInAsync(browser)).Text;

        var shown = ConsoleLinkList.Urls(first);
        var next = ConsoleLinkList.NextPage(first);
        Assert.NotNull(next);
        var second = await browser.GetAsync(next);
        shown.AddRange(ConsoleLinkList.Urls(second.Text));

        Assert.Equal(50, ConsoleLinkList.Urls(first).Count);
        Assert.Null(ConsoleLinkList.NextPage(second.Text));
        Assert.Contains("Back to the first page", second.Text, StringComparison.Ordinal);
        Assert.Equal(60, shown.Count);
        Assert.Equal((await ConsoleLinkList.UrlsByIdAsync(admin)).Values.Order(), shown.Order());
    }

    [Fact]
    public async Task Filters_NarrowTheList()
    {
        await using var world = await SeededConsole.MakeAsync();
        var (seed, urls, browser) = (world.Seed, world.Urls, world.Browser);
        await ConsoleSignIn.SignInAsync(browser);

        var withPassword = (await browser.GetAsync("/admin?kind=file&hasPassword=true&q=&createdAfter=")).Text;
        var expired = (await browser.GetAsync("/admin?state=expired")).Text;
        var revokedReports = (await browser.GetAsync("/admin?kind=report&state=revoked&q=old")).Text;
        var everyState = (await browser.GetAsync("/admin?state=active,expired,revoked&sort=created")).Text;

        Assert.Equal([urls[seed.PasswordFile]], ConsoleLinkList.Urls(withPassword));
        Assert.Equal([urls[seed.ExpiredFile]], ConsoleLinkList.Urls(expired));
        Assert.Equal([urls[seed.RevokedReport]], ConsoleLinkList.Urls(revokedReports));
        Assert.Equal(seed.NewestFirst.Reverse().Select(id => urls[id]), ConsoleLinkList.Urls(everyState));
    }

    [Fact]
    public async Task Filters_ByDownloadResourceAndFile_NarrowTheList()
    {
        await using var world = await SeededConsole.MakeAsync();
        var (seed, urls, browser) = (world.Seed, world.Urls, world.Browser);
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PostAsync("/api/v1/links/bulk", new { action = "set-deny-download", filter = new { q = "Auditors" } })).Status);
        await ConsoleSignIn.SignInAsync(browser);

        var viewOnly = (await browser.GetAsync("/admin?denyDownload=true&resourceId=&fileId=")).Text;
        var downloadable = (await browser.GetAsync("/admin?denyDownload=false")).Text;
        var ofReport = (await browser.GetAsync($"/admin?resourceId={seed.ReportId}")).Text;
        var ofNotes = (await browser.GetAsync($"/admin?fileId={seed.NotesFileId}&state=active,expired,revoked")).Text;

        Assert.Equal([urls[seed.PasswordFile]], ConsoleLinkList.Urls(viewOnly));
        Assert.Equal([urls[seed.OpenFile]], ConsoleLinkList.Urls(downloadable));
        Assert.Equal([urls[seed.Report]], ConsoleLinkList.Urls(ofReport));
        Assert.Equal([urls[seed.ExpiredFile], urls[seed.OpenFile]], ConsoleLinkList.Urls(ofNotes));
    }

    [Fact]
    public async Task ByDefault_TheListIsTheActiveLinks()
    {
        await using var world = await SeededConsole.MakeAsync();
        var (seed, urls, browser) = (world.Seed, world.Urls, world.Browser);

        var page = (await ConsoleSignIn.SignInAsync(browser)).Text;

        Assert.Equal(new[] { seed.PasswordFile, seed.OpenFile, seed.Dashboard, seed.Report }.Select(id => urls[id]), ConsoleLinkList.Urls(page));
    }

    [Theory]
    [InlineData("kind=folder", "kind is report, dashboard, file")]
    [InlineData("state=gone", "state is active, expired, revoked")]
    [InlineData("hasPassword=maybe", "hasPassword is true or false")]
    [InlineData("denyDownload=maybe", "denyDownload is true or false")]
    [InlineData("resourceId=quarterly", "resourceId is a guid")]
    [InlineData("fileId=42", "fileId is a guid")]
    [InlineData("createdAfter=yesterday", "createdAfter is a date-time")]
    [InlineData("sort=name", "sort is created, -created, expires or -expires")]
    [InlineData("cursor=garbled", "cursor is not one this server gave out")]
    public async Task ABadFilter_ShowsItsMessageOnThePage_With400(string query, string message)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await admin.ShareReportAsync(await admin.CreateReportAsync());
        await ConsoleSignIn.SignInAsync(browser);

        var answer = await browser.GetAsync("/admin?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(message, answer.Text, StringComparison.Ordinal);
        Assert.Contains("Sharing switches", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-label=\"Link\"", answer.Text, StringComparison.Ordinal);
    }
}
