using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>files/share/{key} and its password (seed 002, step 4): statuses 0-5, the unlock cookie, the brute-force brake.</summary>
public sealed class PlatformExternalShareTests
{
    private const string Password = "Correct-Horse-9";

    private static string Share(string key) => $"/api/2.0/files/share/{key}";

    private static Task<Answer> GivePasswordAsync(SharekeepClient client, string key, string password) =>
        client.PostAsync($"{Share(key)}/password", new { password });

    private static async Task GiveWrongPasswordsAsync(SharekeepClient client, string key, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(ExternalShareStatus.InvalidPassword, (await GivePasswordAsync(client, key, $"Wrong-Horse-{i}")).ShareStatus);
        }
    }

    [Theory]
    [InlineData("KEY_FROM_URL")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownKey_Answers200WithStatusInvalid(string key)
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var answer = await visitor.GetAsync(Share(key));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ExternalShareStatus.Invalid, answer.ShareStatus);
        Assert.Equal(EnvelopeStatus.Ok, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PasswordForAnUnknownKey_Answers200WithStatusInvalid()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await GivePasswordAsync(admin, "KEY_FROM_URL", "Secret123!");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ExternalShareStatus.Invalid, answer.ShareStatus);
    }

    [Fact]
    public async Task OpenLink_AnswersStatusOkWithTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync("plan.txt");
        var link = await admin.SetLinkAsync(fileId, new { title = "x" });

        var answer = await visitor.GetAsync(Share(link.GetProperty("requestToken").GetString()!));

        Assert.Equal(ExternalShareStatus.Ok, answer.ShareStatus);
        var number = (await admin.FileNumberAsync(fileId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(number, answer.Response.GetProperty("id").GetString());
        Assert.Equal(number, answer.Response.GetProperty("entityId").GetString());
        Assert.Equal("plan.txt", answer.Response.GetProperty("title").GetString());
        Assert.Equal(FileEntryType.File, answer.Response.GetProperty("entityType").GetInt32());
        Assert.Equal(link.GetProperty("id").GetGuid(), answer.Response.GetProperty("linkId").GetGuid());
        Assert.True(answer.Response.GetProperty("shared").GetBoolean());
        Assert.Equal("no-store", answer.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task PasswordLink_BeforeThePassword_AnswersRequiredPasswordAndNothingOfTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password }, name: "salaries.xlsx");

        var answer = await visitor.GetAsync(Share(key));

        Assert.Equal(ExternalShareStatus.RequiredPassword, answer.ShareStatus);
        Assert.DoesNotContain("salaries", answer.Text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, answer.Response.GetProperty("title").ValueKind);
        Assert.False(answer.Response.TryGetProperty("entityId", out _));
    }

    [Fact]
    public async Task WrongPassword_AnswersInvalidPasswordAndNothingOfTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password }, name: "salaries.xlsx");

        var answer = await GivePasswordAsync(visitor, key, "Wrong-Horse-9");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ExternalShareStatus.InvalidPassword, answer.ShareStatus);
        Assert.DoesNotContain("salaries", answer.Text, StringComparison.Ordinal);
        Assert.False(answer.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task RightPassword_AnswersOkWithTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password }, name: "salaries.xlsx");

        var answer = await GivePasswordAsync(visitor, key, Password);

        Assert.Equal(ExternalShareStatus.Ok, answer.ShareStatus);
        Assert.Equal("salaries.xlsx", answer.Response.GetProperty("title").GetString());
    }

    [Fact]
    public async Task RightPassword_SetsAnHttpOnlySameSiteStrictCookieWithoutThePassword()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });

        var answer = await GivePasswordAsync(visitor, key, Password);

        var cookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Password), cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlockCookie_OpensTheLinkForLaterRequests()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        await GivePasswordAsync(browser, key, Password);

        var answer = await browser.GetAsync(Share(key));

        Assert.Equal(ExternalShareStatus.Ok, answer.ShareStatus);
    }

    [Fact]
    public async Task UnlockCookie_StopsWorkingWhenThePasswordChanges()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { password = Password });
        var key = link.GetProperty("requestToken").GetString()!;
        await GivePasswordAsync(browser, key, Password);

        await admin.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), password = "Another-Horse-7" });

        Assert.Equal(ExternalShareStatus.RequiredPassword, (await browser.GetAsync(Share(key))).ShareStatus);
    }

    [Fact]
    public async Task ForgedUnlockCookie_DoesNotOpenTheLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var link = await admin.SetLinkAsync(await admin.UploadFileAsync(), new { password = Password });
        using var request = new HttpRequestMessage(HttpMethod.Get, Share(link.GetProperty("requestToken").GetString()!));
        request.Headers.Add("Cookie", $"sharekeep-link-{link.GetProperty("id").GetGuid():N}={link.GetProperty("id").GetGuid():N}|anything");

        var answer = await visitor.SendAsync(request);

        Assert.Equal(ExternalShareStatus.RequiredPassword, answer.ShareStatus);
    }

    [Fact]
    public async Task PasswordForALinkWithoutOne_AnswersOk()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync();

        var answer = await GivePasswordAsync(visitor, key, "whatever-it-is");

        Assert.Equal(ExternalShareStatus.Ok, answer.ShareStatus);
    }

    [Fact]
    public async Task PasswordWithoutABody_AnswersInvalidPassword()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync(new { password = Password });

        var answer = await visitor.PostRawAsync($"{Share(key)}/password", "{}");

        Assert.Equal(ExternalShareStatus.InvalidPassword, answer.ShareStatus);
    }

    [Fact]
    public async Task PasswordWithABrokenBody_Answers400InTheErrorEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync(new { password = Password });

        var answer = await visitor.PostRawAsync($"{Share(key)}/password", "{\"password\": ");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(StatusCodes.Status400BadRequest, answer.Body.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task ExpiredLink_AnswersStatusExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { expirationDate = clock.GetUtcNow().AddHours(1) });
        var before = await visitor.GetAsync(Share(key));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ExternalShareStatus.Ok, before.ShareStatus);
        Assert.Equal(ExternalShareStatus.Expired, (await visitor.GetAsync(Share(key))).ShareStatus);
    }

    [Fact]
    public async Task ExpiredLink_IsListedAsExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        await admin.SetLinkAsync(fileId, new { expirationDate = clock.GetUtcNow().AddMinutes(5) });

        clock.Advance(TimeSpan.FromMinutes(6));

        var link = (await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response[0].GetProperty("sharedTo");
        Assert.True(link.GetProperty("isExpired").GetBoolean());
    }

    [Fact]
    public async Task RevokedLink_AnswersStatusInvalid()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "x" });

        await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { linkId = link.GetProperty("id").GetGuid(), access = FileShareAccess.None });

        Assert.Equal(ExternalShareStatus.Invalid, (await visitor.GetAsync(Share(link.GetProperty("requestToken").GetString()!))).ShareStatus);
    }

    [Fact]
    public async Task ExternalSharingOff_AnswersExternalAccessDenied_AndOnAgainOpensTheSameLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: "deck.pdf");

        await admin.SetExternalSharingAsync(false);
        var whileOff = await visitor.GetAsync(Share(key));
        await admin.SetExternalSharingAsync(true);
        var again = await visitor.GetAsync(Share(key));

        Assert.Equal(ExternalShareStatus.ExternalAccessDenied, whileOff.ShareStatus);
        Assert.DoesNotContain("deck", whileOff.Text, StringComparison.Ordinal);
        Assert.Equal(ExternalShareStatus.Ok, again.ShareStatus);
        Assert.Equal("deck.pdf", again.Response.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ExternalSharingOff_DeniesEvenTheRightPassword()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        await admin.SetExternalSharingAsync(false);

        var answer = await GivePasswordAsync(visitor, key, Password);

        Assert.Equal(ExternalShareStatus.ExternalAccessDenied, answer.ShareStatus);
        Assert.False(answer.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task FiveWrongPasswords_ThenEvenTheRightOneAnswers429WithRetryAfter()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ExternalShareStatus.InvalidPassword, (await GivePasswordAsync(visitor, key, $"Wrong-Horse-{i}")).ShareStatus);
        }

        var answer = await GivePasswordAsync(visitor, key, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal(StatusCodes.Status429TooManyRequests, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.Equal(TimeSpan.FromMinutes(15), answer.Headers.RetryAfter!.Delta);
        Assert.False(answer.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task FourWrongPasswords_StillLetTheRightOneIn()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        await GiveWrongPasswordsAsync(visitor, key, 4);

        Assert.Equal(ExternalShareStatus.Ok, (await GivePasswordAsync(visitor, key, Password)).ShareStatus);
    }

    [Fact]
    public async Task Lockout_EndsWhenTheOldestFailureLeavesTheLinkWindow()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        await GiveWrongPasswordsAsync(visitor, key, 5);

        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var stillLocked = await GivePasswordAsync(visitor, key, Password);
        clock.Advance(TimeSpan.FromSeconds(1));
        var open = await GivePasswordAsync(visitor, key, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.Status);
        Assert.Equal(ExternalShareStatus.Ok, open.ShareStatus);
    }

    [Fact]
    public async Task Lockout_OfOneLink_LeavesOtherLinksAlone()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var locked = await admin.ShareFileAsync(new { password = Password });
        var other = await admin.ShareFileAsync(new { password = Password });
        await GiveWrongPasswordsAsync(visitor, locked, 5);

        Assert.Equal(ExternalShareStatus.Ok, (await GivePasswordAsync(visitor, other, Password)).ShareStatus);
    }
}
