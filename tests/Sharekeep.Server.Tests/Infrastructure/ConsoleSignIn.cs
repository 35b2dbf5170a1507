using System.Net;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>Signing in to /admin through its form, as a browser does (the client keeps the cookies).</summary>
public static class ConsoleSignIn
{
    /// <summary>Posts the sign-in form with <paramref name="secret"/> and answers whatever the server said.</summary>
    public static async Task<Answer> TryAsync(SharekeepClient browser, string secret)
    {
        var token = FormToken.In((await browser.GetAsync("/admin")).Text);
        return await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [FormToken.FieldName] = token, ["secret"] = secret }),
        });
    }

    /// <summary>Signs in with the right secret and answers the console it lands on; fails the test if it does not get there.</summary>
    public static async Task<Answer> SignInAsync(SharekeepClient browser)
    {
        var console = await TryAsync(browser, SharekeepApplication.Secret);
        Assert.Equal(HttpStatusCode.OK, console.Status);
        Assert.Contains("Sharing switches", console.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"secret\"", console.Text, StringComparison.Ordinal);
        return console;
    }
}
