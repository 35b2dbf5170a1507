using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>/admin over HTTP: the session, its antiforgery tokens, and that every action is the domain's own.</summary>
public sealed class AdminConsoleTests
{
    private static Task<Answer> PostFormAsync(SharekeepClient browser, string path, Dictionary<string, string> fields) =>
        browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });


    [Fact]
    public async Task WithoutASession_ThePageIsTheSignInFormOnly()
    {
        await using var app = new SharekeepApplication();
        using var browser = app.Visitor();

        var page = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("id=\"secret\"", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sharing switches", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RightSecret_GivesAnHttpOnlyStrictSessionCookie_AndTheConsole()
    {
        await using var app = new SharekeepApplication();
        using var raw = app.RawVisitor();
        var first = await raw.Http.GetAsync("/admin", TestContext.Current.CancellationToken);
        var antiforgeryCookie = first.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = FormToken.In(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [FormToken.FieldName] = token, ["secret"] = SharekeepApplication.Secret }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);

        using var signedIn = await raw.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sharekeep-admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SharekeepApplication.Secret, session, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_Answers401WithTheFormAndNoSession()
    {
        await using var app = new SharekeepApplication();
        using var browser = app.Visitor();

        var answer = await ConsoleSignIn.TryAsync(browser, "not-the-secret-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("That is not the API secret, nor an API key with the admin scope.", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sharing switches", (await browser.GetAsync("/admin")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManySignInTries_AreBrakedWith429()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:FailedAuthenticationsPerMinute"] = "10" });
        using var browser = app.Visitor();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add((await ConsoleSignIn.TryAsync(browser, "wrong-secret-number-" + i)).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(10, answers.Count(s => s == HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task ActionWithoutASession_IsSentToSignIn_AndChangesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var raw = app.RawVisitor();

        using var answer = await raw.Http.PostAsync(
            "/admin/policy",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["setting"] = "sharing", ["enabled"] = "false" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.True((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task ActionWithoutItsAntiforgeryToken_ChangesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/policy", new() { ["setting"] = "sharing", ["enabled"] = "false" });

        Assert.Contains("The form had expired", answer.Text, StringComparison.Ordinal);
        Assert.True((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var app = new SharekeepApplication();
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/sign-out", new() { [FormToken.FieldName] = FormToken.In(console.Text) });

        Assert.Contains("You are signed out.", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sharing switches", (await browser.GetAsync("/admin")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutWithoutItsToken_KeepsTheSession()
    {
        await using var app = new SharekeepApplication();
        using var browser = app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);

        await PostFormAsync(browser, "/admin/sign-out", []);

        Assert.Contains("Sharing switches", (await browser.GetAsync("/admin")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingSharingOff_IsTheSamePolicyChangeAsTheApis_Audited()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/policy", new()
        {
            [FormToken.FieldName] = FormToken.In(console.Text),
            ["setting"] = "sharing",
            ["enabled"] = "false",
        });

        Assert.Contains("The switch is set.", answer.Text, StringComparison.Ordinal);
        Assert.False((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
        var audit = (await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray().First();
        Assert.Equal("sharing", audit.GetProperty("setting").GetString());
        Assert.Contains("Sharing of reports and dashboards switched off", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewFileLink_WithPasswordAndExpiry_IsListedWithBoth()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var fileId = await admin.UploadFileAsync("plan.txt");
        var console = await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/links", new()
        {
            [FormToken.FieldName] = FormToken.In(console.Text),
            ["fileId"] = fileId.ToString(),
            ["password"] = "Long-Enough-1",
            ["expires"] = "2030-06-30",
        });

        Assert.Contains("The file link is ready", answer.Text, StringComparison.Ordinal);
        var link = (await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Body.GetProperty("response")[0].GetProperty("sharedTo");
        Assert.StartsWith("2030-06-30T23:59:59", link.GetProperty("expirationDate").GetString(), StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Expires\">2030-06-30 23:59 UTC</td>", answer.Text, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Password\">yes</td>", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Long-Enough-1", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooShortLinkPassword_IsRefusedByTheSameRuleAsTheApi()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var fileId = await admin.UploadFileAsync("plan.txt");
        var console = await ConsoleSignIn.SignInAsync(browser);

        var answer = await PostFormAsync(browser, "/admin/links", new()
        {
            [FormToken.FieldName] = FormToken.In(console.Text),
            ["fileId"] = fileId.ToString(),
            ["password"] = "short",
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("password", answer.Text.Split("role=\"alert\"")[1].Split("</ul>")[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Body.GetProperty("response").GetArrayLength());
    }

    [Fact]
    public async Task Search_KeepsOnlyMatchingLinks()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await admin.ShareReportAsync(await admin.CreateReportAsync("Quarterly sales"));
        await admin.ShareReportAsync(await admin.CreateReportAsync("Headcount"));
        await ConsoleSignIn.SignInAsync(browser);

        var page = (await browser.GetAsync("/admin?q=headc")).Text;

        Assert.Contains("<td data-label=\"Resource\">Headcount</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td data-label=\"Resource\">Quarterly sales</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownNoticeCode_ShowsNothingFromTheAddress()
    {
        await using var app = new SharekeepApplication();
        using var browser = app.Visitor();
        await ConsoleSignIn.SignInAsync(browser);

        var page = (await browser.GetAsync("/admin?notice=%3Cscript%3Ealert(1)%3C/script%3E")).Text;

        Assert.DoesNotContain("alert(1)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsolePages_CarryAStrictContentSecurityPolicy()
    {
        await using var app = new SharekeepApplication();
        using var browser = app.Visitor();

        using var response = await browser.Http.GetAsync("/admin", TestContext.Current.CancellationToken);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
