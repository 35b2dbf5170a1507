using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The console's link policy section, and its forms for new links under the policy.</summary>
public sealed class LinkPolicyConsoleTests
{
    private static async Task<Answer> PostFormAsync(SharekeepClient browser, string path, Dictionary<string, string> fields)
    {
        fields[FormToken.FieldName] = FormToken.In((await browser.GetAsync("/admin")).Text);
        return await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
    }

    private static string Day(int daysAhead) => DateTimeOffset.UtcNow.AddDays(daysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task SavingTheForm_SetsThePolicyThroughTheSameService()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/link-policy", new()
        {
            ["fileLinks.maxLifetimeDays"] = "30",
            ["fileLinks.requirePassword"] = "true",
            ["shares.defaultLifetimeDays"] = "7",
        });
        var policy = (await admin.GetAsync("/api/v1/link-policy")).Body;

        Assert.Contains("The link policy is saved", answer.Text, StringComparison.Ordinal);
        Assert.Equal(30, policy.GetProperty("fileLinks").GetProperty("maxLifetimeDays").GetInt32());
        Assert.True(policy.GetProperty("fileLinks").GetProperty("requirePassword").GetBoolean());
        Assert.False(policy.GetProperty("fileLinks").GetProperty("denyDownloadByDefault").GetBoolean());
        Assert.Equal(7, policy.GetProperty("shares").GetProperty("defaultLifetimeDays").GetInt32());
        Assert.Contains("console:", Assert.Single((await admin.GetAsync("/api/v1/audit?action=linkPolicy.set")).Body.EnumerateArray()).GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAnInvalidPolicy_ShowsTheReasonAndChangesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/link-policy", new() { ["fileLinks.minPasswordLength"] = "5" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("fileLinks.minPasswordLength is between 8 and 128", answer.Text, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await admin.GetAsync("/api/v1/link-policy")).Body.GetProperty("lastModified").ValueKind);
    }

    [Fact]
    public async Task FileLinkForm_BeyondTheMaximum_ShowsTheRefusalNamingTheLimit()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileMaxDays: 30));
        var fileId = await admin.UploadFileAsync();
        await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/links", new() { ["fileId"] = fileId.ToString(), ["expires"] = Day(40) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("(fileLinks.maxLifetimeDays)", answer.Text, StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync("/api/v1/link-policy/violations")).Body.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task FileLinkForm_LeftAtTheDefaults_MakesAViewOnlyLinkWithTheDefaultLifetime()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileDefaultDays: 3, denyDownloadByDefault: true));
        var fileId = await admin.UploadFileAsync();
        await ConsoleSignIn.SignInAsync(browser);

        await PostFormAsync(browser, "/admin/links", new() { ["fileId"] = fileId.ToString(), ["download"] = "" });
        var link = Assert.Single((await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray()).GetProperty("sharedTo");

        Assert.True(link.GetProperty("denyDownload").GetBoolean());
        Assert.False(string.IsNullOrEmpty(link.GetProperty("expirationDate").GetString()));
    }

    [Fact]
    public async Task ShareForm_BeyondTheMaximum_ShowsTheRefusal_AndWithinItTheShareExpires()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(shareMaxDays: 10));
        var reportId = await admin.CreateReportAsync();
        await ConsoleSignIn.SignInAsync(browser);

        var refused = await PostFormAsync(browser, "/admin/shares", new() { ["resource"] = $"report:{reportId}", ["expires"] = Day(20) });
        Assert.Empty((await admin.GetAsync("/api/v1/shares")).Body.EnumerateArray());
        var made = await PostFormAsync(browser, "/admin/shares", new() { ["resource"] = $"report:{reportId}", ["expires"] = Day(5) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("(shares.maxLifetimeDays)", refused.Text, StringComparison.Ordinal);
        Assert.Contains("The share link is ready", made.Text, StringComparison.Ordinal);
        var share = Assert.Single((await admin.GetAsync("/api/v1/shares")).Body.EnumerateArray());
        Assert.Equal(Day(5), share.GetProperty("expires").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Console_ListsTheLinksThatBreakThePolicy()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await admin.ShareFileAsync(new { title = "forever link" });
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileMaxDays: 30));

        var console = await ConsoleSignIn.SignInAsync(browser);

        Assert.Contains("Active links that break it", console.Text, StringComparison.Ordinal);
        Assert.Contains("forever link", console.Text, StringComparison.Ordinal);
        Assert.Contains("fileLinks.maxLifetimeDays", console.Text, StringComparison.Ordinal);
    }
}
