using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>/s/{key}: the public page of a file link, its password form and its bytes.</summary>
public sealed partial class FileLinkPageTests
{
    private const string Password = "Correct-Horse-9";

    private static async Task<Answer> SubmitPasswordAsync(SharekeepClient browser, string key, string password)
    {
        var token = FormToken.In((await browser.GetAsync($"/s/{key}")).Text, "The password form has no antiforgery token.");
        return await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/s/{key}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [FormToken.FieldName] = token,
                ["password"] = password,
            }),
        });
    }

    [Fact]
    public async Task Page_ShowsTheFileNameSizeAndADownloadButton()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: "minutes.txt", content: "we met");

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.ContentHeaders.ContentType!.MediaType);
        Assert.Contains("minutes.txt", page.Text, StringComparison.Ordinal);
        Assert.Contains("6 bytes", page.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/s/{key}/content\"", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PreviewsTextInline()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: "poem.txt", content: "roses <are> red");

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Contains("roses &lt;are&gt; red", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PreviewsImagesWithAnImgTag()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: "chart.png", content: "not really a png", contentType: "image/png");

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Contains($"<img class=\"preview\" src=\"/s/{key}/content?disposition=inline\"", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CarriesTheSecurityHeaders()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync();

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(page.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task PasswordPage_ShowsAFormAndNothingOfTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password }, name: "salaries.xlsx");

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("type=\"password\"", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("salaries", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordForm_WithTheWrongPassword_SaysSoAndStaysLocked()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password }, name: "salaries.xlsx");

        var answer = await SubmitPasswordAsync(browser, key, "Wrong-Horse-1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("That password is not right.", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("salaries", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordForm_WithTheRightPassword_LandsOnTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password }, name: "salaries.xlsx");

        var answer = await SubmitPasswordAsync(browser, key, Password);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("salaries.xlsx", answer.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/s/{key}/content")).Status);
    }

    [Fact]
    public async Task PasswordForm_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password });

        var answer = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/s/{key}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Password }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("The form had expired", answer.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/s/{key}/content")).Status);
    }

    [Fact]
    public async Task PasswordForm_AfterFiveWrongTries_Answers429()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        for (var i = 0; i < 5; i++)
        {
            await SubmitPasswordAsync(browser, key, $"Wrong-Horse-{i}");
        }

        var answer = await SubmitPasswordAsync(browser, key, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Contains("Too many wrong passwords", answer.Text, StringComparison.Ordinal);
        Assert.NotNull(answer.Headers.RetryAfter);
    }

    [Fact]
    public async Task Content_OfAPasswordLinkWithoutTheCookie_Answers401()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password });

        var answer = await visitor.GetAsync($"/s/{key}/content");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task ExpiredLink_PageSaysSoWith410()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { expirationDate = clock.GetUtcNow().AddDays(1) }, name: "old.txt");

        clock.Advance(TimeSpan.FromDays(2));
        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("This link has expired", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("old.txt", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync($"/s/{key}/content")).Status);
    }

    [Fact]
    public async Task RevokedLink_PageSaysSoWith404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "x" });
        var key = link.GetProperty("requestToken").GetString();

        await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { linkId = link.GetProperty("id").GetGuid(), access = FileShareAccess.None });
        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("This link was revoked", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/s/{key}/content")).Status);
    }

    [Fact]
    public async Task UnknownKey_PageAnswers404()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var page = await visitor.GetAsync("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("There is nothing at this link", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalSharingOff_PageAndContentAnswer403_AndOnAgainTheyWork()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: "deck.txt");

        await admin.SetExternalSharingAsync(false);
        var page = await visitor.GetAsync($"/s/{key}");
        var content = await visitor.GetAsync($"/s/{key}/content");
        await admin.SetExternalSharingAsync(true);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Sharing by link is turned off", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("deck.txt", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, content.Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{key}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/s/{key}/content")).Status);
    }

    [Fact]
    public async Task Content_SupportsRangeRequests()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(content: "0123456789");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{key}/content");
        request.Headers.Range = new RangeHeaderValue(7, null);

        var answer = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, answer.Status);
        Assert.Equal("789", answer.Text);
    }

    [Fact]
    public async Task DenyDownload_HidesTheButtonAndRefusesTheDownload()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { denyDownload = true }, name: "draft.txt", content: "secret plan");

        var page = await visitor.GetAsync($"/s/{key}");
        var download = await visitor.GetAsync($"/s/{key}/content");

        Assert.DoesNotContain($"href=\"/s/{key}/content\"", page.Text, StringComparison.Ordinal);
        Assert.Contains("viewing only", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, download.Status);
    }

    [Fact]
    public async Task DenyDownload_StillAllowsTheInlinePreview()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { denyDownload = true }, name: "chart.png", content: "png bytes", contentType: "image/png");

        var preview = await visitor.GetAsync($"/s/{key}/content?disposition=inline");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("inline", preview.ContentHeaders.ContentDisposition!.DispositionType);
        Assert.Equal("image/png", preview.ContentHeaders.ContentType!.MediaType);
    }

    [Fact]
    public async Task DenyDownload_ServesNoTextBytes_ItsPreviewIsInThePage()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { denyDownload = true }, name: "draft.txt", content: "secret plan");

        var page = await visitor.GetAsync($"/s/{key}");
        var inline = await visitor.GetAsync($"/s/{key}/content?disposition=inline");

        Assert.Contains("secret plan", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, inline.Status);
        Assert.DoesNotContain("secret plan", inline.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DenyDownload_RefusesInlineForTypesWithoutAPreview()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { denyDownload = true }, name: "data.bin", content: "x", contentType: "application/octet-stream");

        var answer = await visitor.GetAsync($"/s/{key}/content?disposition=inline");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
    }

    [Theory]
    [InlineData("page.html", "text/html")]
    [InlineData("logo.svg", "image/svg+xml")]
    [InlineData("feed.xml", "application/xml")]
    [InlineData("feed.xml", "text/xml")]
    public async Task ActiveContent_IsNeverServedInline(string name, string contentType)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: name, content: "<script>alert(1)</script>", contentType: contentType);

        var answer = await visitor.GetAsync($"/s/{key}/content?disposition=inline");
        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Equal("attachment", answer.ContentHeaders.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", answer.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("disposition=inline", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocialMediaOn_PageCarriesOpenGraphAndTwitterTags()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        await admin.PutAsync("/api/2.0/files/settings/externalsocialmedia", new { set = true });
        var key = await admin.ShareFileAsync(name: "launch.png", contentType: "image/png");

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Contains("<meta property=\"og:title\" content=\"launch.png\"", page.Text, StringComparison.Ordinal);
        Assert.Contains($"/s/{key}/content?disposition=inline", OgImage(page.Text), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\"", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("noindex", page.Text, StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("X-Robots-Tag"));
    }

    [Fact]
    public async Task SocialMediaOff_PageCarriesNoSocialTagsAndNoindex()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: "launch.png", contentType: "image/png");

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.DoesNotContain("og:", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("twitter:", page.Text, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\"", page.Text, StringComparison.Ordinal);
        Assert.Contains("noindex", page.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocialMediaSetButExternalSharingOff_PageCarriesNoSocialTags()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        await admin.PutAsync("/api/2.0/files/settings/externalsocialmedia", new { set = true });
        var key = await admin.ShareFileAsync(name: "launch.png");
        await admin.SetExternalSharingAsync(false);

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.DoesNotContain("og:", page.Text, StringComparison.Ordinal);
        Assert.Contains("noindex", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocialMediaOn_PasswordPageTagsRevealNothingOfTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        await admin.PutAsync("/api/2.0/files/settings/externalsocialmedia", new { set = true });
        var key = await admin.ShareFileAsync(new { password = Password }, name: "salaries.png", contentType: "image/png");

        var page = await visitor.GetAsync($"/s/{key}");

        Assert.Contains("og:title", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("salaries", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("og:image", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheet_IsServedFromOurOrigin()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var css = await visitor.GetAsync("/assets/sharekeep.css");

        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.Equal("text/css", css.ContentHeaders.ContentType!.MediaType);
        Assert.Contains(".card", css.Text, StringComparison.Ordinal);
    }

    private static string OgImage(string html) =>
        Regex.Match(html, "<meta property=\"og:image\" content=\"(?<url>[^\"]+)\"").Groups["url"].Value;
}
