using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Sessions;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Console sessions live on the server: a cookie is only as good as the session it names.</summary>
public sealed class ConsoleSessionTests
{
    [Fact]
    public async Task SignOut_EndsTheSession_SoTheOldCookieNoLongerOpensTheConsole()
    {
        await using var app = new SharekeepApplication();
        var browser = await CookieJar.SignedInAsync(app);
        var stolen = browser.Copy();

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(app, "/admin/sign-out")).StatusCode);

        Assert.False(await stolen.SeesTheConsoleAsync(app));
    }

    [Fact]
    public async Task RotatingTheSecret_EndsTheSessionsOpenedWithTheOldOne()
    {
        var directory = TempDirectory.Create();
        try
        {
            CookieJar browser;
            await using (var first = new SharekeepApplication(directory))
            {
                browser = await CookieJar.SignedInAsync(first);
            }

            await using var rotated = new SharekeepApplication(directory, new Dictionary<string, string?> { ["Sharekeep:ApiSecret"] = "a-new-secret-0123456789abcdef" });

            Assert.False(await browser.SeesTheConsoleAsync(rotated));
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task ASessionUnusedForItsIdleTime_IsOver()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        var browser = await CookieJar.SignedInAsync(app);

        clock.Advance(ConsoleSessionRules.IdleTimeout + TimeSpan.FromMinutes(1));

        Assert.False(await browser.SeesTheConsoleAsync(app));
    }

    [Fact]
    public async Task ABusySession_IsOverAtItsLifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        var browser = await CookieJar.SignedInAsync(app);
        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromHours(1) < ConsoleSessionRules.Lifetime)
        {
            clock.Advance(TimeSpan.FromHours(1));
            elapsed += TimeSpan.FromHours(1);
            Assert.True(await browser.SeesTheConsoleAsync(app), $"Still open after {elapsed}.");
        }

        clock.Advance(ConsoleSessionRules.Lifetime - elapsed);

        Assert.False(await browser.SeesTheConsoleAsync(app));
    }

    [Fact]
    public async Task EndingAnotherSession_SignsThatBrowserOut_AndKeepsThisOne()
    {
        await using var app = new SharekeepApplication();
        var other = await CookieJar.SignedInAsync(app);
        var mine = await CookieJar.SignedInAsync(app);
        var console = await mine.GetTextAsync(app, "/admin");
        var own = CookieJar.EndOwnSessionPath(console);
        var endOther = Assert.Single(
            Regex.Matches(console, "action=\"(/admin/sessions/[0-9a-f-]+/end)\"").Select(m => m.Groups[1].Value),
            path => path != own);

        Assert.Equal(HttpStatusCode.Redirect, (await mine.PostFormAsync(app, endOther)).StatusCode);

        Assert.False(await other.SeesTheConsoleAsync(app));
        Assert.True(await mine.SeesTheConsoleAsync(app));
    }

    [Fact]
    public async Task AFormTokenOfAnotherSession_ChangesNothing()
    {
        await using var app = new SharekeepApplication();
        var first = await CookieJar.SignedInAsync(app);
        var second = await CookieJar.SignedInAsync(app);
        var firstToken = FormToken.In(await first.GetTextAsync(app, "/admin"));

        var answer = await second.PostFormAsync(app, "/admin/policy", new() { ["setting"] = "sharing", ["enabled"] = "false" }, firstToken);

        Assert.Contains("notice=stale-form", answer.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var admin = app.Admin();
        Assert.True((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
    }

    /// <summary>A browser's cookies kept by hand, so that a test can copy them (as a thief would) and replay them.</summary>
    private sealed class CookieJar
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public static async Task<CookieJar> SignedInAsync(SharekeepApplication app)
        {
            var jar = new CookieJar();
            var token = FormToken.In(await jar.GetTextAsync(app, "/admin"));
            var signedIn = await jar.PostFormAsync(app, "/admin/sign-in", new() { ["secret"] = SharekeepApplication.Secret }, token);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.True(await jar.SeesTheConsoleAsync(app), "Signing in did not lead to the console.");
            return jar;
        }

        public CookieJar Copy()
        {
            var copy = new CookieJar();
            foreach (var (name, value) in _cookies)
            {
                copy._cookies[name] = value;
            }
            return copy;
        }

        public async Task<bool> SeesTheConsoleAsync(SharekeepApplication app) =>
            (await GetTextAsync(app, "/admin")).Contains("Sharing switches", StringComparison.Ordinal);

        public async Task<string> GetTextAsync(SharekeepApplication app, string path)
        {
            using var response = await SendAsync(app, new HttpRequestMessage(HttpMethod.Get, path));
            return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        /// <summary>Posts a console form with the token of the page this browser was last shown, or the one given.</summary>
        public async Task<HttpResponseMessage> PostFormAsync(
            SharekeepApplication app, string path, Dictionary<string, string>? fields = null, string? token = null)
        {
            token ??= FormToken.In(await GetTextAsync(app, "/admin"));
            var form = new Dictionary<string, string>(fields ?? []) { [FormToken.FieldName] = token };
            return await SendAsync(app, new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
        }

        /// <summary>The end button of this browser's own session on a console page.</summary>
        public static string EndOwnSessionPath(string console)
        {
            var own = Regex.Match(
                console, "action=\"(/admin/sessions/[0-9a-f-]+/end)\"[^>]*>\\s*<input[^>]*>\\s*<button class=\"button secondary\"");
            Assert.True(own.Success, "The console marks this browser's own session.");
            return own.Groups[1].Value;
        }

        private async Task<HttpResponseMessage> SendAsync(SharekeepApplication app, HttpRequestMessage request)
        {
            using var client = app.RawVisitor();
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || pair[1].Length == 0)
                {
                    _cookies.Remove(pair[0]);
                }
                else
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
            return response;
        }
    }
}
