using System.Net;
using System.Text.RegularExpressions;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

public sealed partial class ApiKeyConsoleTests
{
    [Fact]
    public async Task SignIn_WithAnAdminKey_OpensTheConsole()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "admin");
        using var browser = app.Visitor();

        var console = await ConsoleSignIn.TryAsync(browser, issued.Key);

        Assert.Equal(HttpStatusCode.OK, console.Status);
        Assert.Contains("Sharing switches", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAKeyWithoutTheAdminScope_IsRefused()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "read", "share", "policy");
        using var browser = app.Visitor();

        var answer = await ConsoleSignIn.TryAsync(browser, issued.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.DoesNotContain("Sharing switches", (await browser.GetAsync("/admin")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingTheKey_EndsTheConsoleSessionsOpenedWithIt()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "admin");
        using var browser = app.Visitor();
        await ConsoleSignIn.TryAsync(browser, issued.Key);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/keys/{issued.Id}")).Status);

        Assert.DoesNotContain("Sharing switches", (await browser.GetAsync("/admin")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_SwitchMadeThroughAKeySession_IsAuditedAsThatKeyThroughTheConsole()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "admin");
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.TryAsync(browser, issued.Key);

        await browser.SendAsync(Form("/admin/policy", console.Text, ("setting", "sharing"), ("enabled", "false")));

        var actor = (await admin.GetAsync("/api/v1/audit")).Body[0].GetProperty("actor").GetString()!;
        Assert.Matches($"^console:[0-9a-f-]{{36}}/key:{issued.Id}$", actor);
        Assert.Contains("by API key test key admin (console)", (await browser.GetAsync("/admin")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_MakesAKeyAndShowsItOnce()
    {
        await using var app = new SharekeepApplication();
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);

        var made = await browser.SendAsync(Form("/admin/keys", console.Text, ("name", "reporting job"), ("scopes", "read"), ("scopes", "share")));

        Assert.Equal(HttpStatusCode.OK, made.Status);
        var key = IssuedKey().Match(made.Text).Groups[1].Value;
        Assert.StartsWith("skk_", key, StringComparison.Ordinal);
        using var job = app.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await job.GetAsync("/api/v1/reports")).Status);
        var again = await browser.GetAsync("/admin");
        Assert.Contains("reporting job", again.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_WithBadKeyForm_Answers400AndMakesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);

        var refused = await browser.SendAsync(Form("/admin/keys", console.Text, ("name", "no scopes")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("at least one scope", refused.Text, StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync("/api/v1/keys?includeRevoked=true")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Console_RevokesAKey()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "read");
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);

        await browser.SendAsync(Form($"/admin/keys/{issued.Id}/revoke", console.Text));

        using var reader = app.WithKey(issued.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/v1/policy")).Status);
    }

    private static HttpRequestMessage Form(string path, string page, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new(FormToken.FieldName, FormToken.In(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        };

    [GeneratedRegex("id=\"issued-key\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex IssuedKey();
}
