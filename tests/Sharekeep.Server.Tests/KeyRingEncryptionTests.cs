using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage;

namespace Sharekeep.Server.Tests;

/// <summary>
/// The Data Protection key ring, which signs unlock and console cookies, is stored in the database encrypted with a
/// key that is not: a copy of the database alone forges nothing.
/// </summary>
public sealed class KeyRingEncryptionTests
{
    private const string Password = "Correct-Horse-9";
    private static readonly string FirstKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string SecondKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static Dictionary<string, string?> WithKey(string key) => new() { ["Sharekeep:KeyEncryptionKey"] = key };

    /// <summary>A browser whose cookies stay with it from one server to the next (both answer as localhost).</summary>
    private static SharekeepClient Browser(SharekeepApplication app, CookieContainer cookies) =>
        new(app.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)), null);

    /// <summary>A link with a password, opened by <paramref name="browser"/>: it now holds the link's unlock cookie.</summary>
    private static async Task<string> UnlockedLinkAsync(SharekeepApplication app, SharekeepClient browser)
    {
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync(new { password = Password });
        var opened = await browser.PostAsync($"/api/2.0/files/share/{key}/password", new { password = Password });
        Assert.Equal(ExternalShareStatus.Ok, opened.ShareStatus);
        return key;
    }

    private static async Task<int> OpenAsync(SharekeepClient browser, string key) =>
        (await browser.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus;

    private static async Task<List<string>> StoredKeysAsync(SharekeepApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StoredKeys_HoldNoMasterKeyInPlaintext_OnlyAnEncryptedSecret()
    {
        await using var app = new SharekeepApplication(settings: WithKey(FirstKey));
        using var browser = app.Visitor();
        await UnlockedLinkAsync(app, browser);

        var keys = await StoredKeysAsync(app);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }

    /// <summary>A browser opens a password link on a server over <paramref name="directory"/>, which then stops.</summary>
    private static async Task<(CookieContainer Cookies, string Key)> UnlockedOnAServerThatStoppedAsync(
        string directory, Dictionary<string, string?>? settings, Action<IServiceCollection>? services = null)
    {
        var cookies = new CookieContainer();
        await using var earlier = new SharekeepApplication(directory, settings, services);
        using var browser = Browser(earlier, cookies);
        return (cookies, await UnlockedLinkAsync(earlier, browser));
    }

    /// <summary>A browser signs in to the console of a server over <paramref name="directory"/>, which then stops.</summary>
    private static async Task<CookieContainer> SignedInOnAServerThatStoppedAsync(string directory, Dictionary<string, string?> settings)
    {
        var cookies = new CookieContainer();
        await using var earlier = new SharekeepApplication(directory, settings);
        using var browser = Browser(earlier, cookies);
        await ConsoleSignIn.SignInAsync(browser);
        return cookies;
    }

    [Fact]
    public async Task AServerWithAnotherKeyEncryptionKey_OverACopyOfTheDatabase_RefusesTheUnlockCookie()
    {
        var directory = TempDirectory.Create();
        var (cookies, key) = await UnlockedOnAServerThatStoppedAsync(directory, WithKey(FirstKey));

        await using var other = new SharekeepApplication(directory, WithKey(SecondKey));
        using var sameBrowser = Browser(other, cookies);

        Assert.Equal(ExternalShareStatus.RequiredPassword, await OpenAsync(sameBrowser, key));
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task AServerWithTheSameKeyEncryptionKey_AfterARestart_AcceptsTheUnlockCookie()
    {
        var directory = TempDirectory.Create();
        var (cookies, key) = await UnlockedOnAServerThatStoppedAsync(directory, WithKey(FirstKey));

        await using var restarted = new SharekeepApplication(directory, WithKey(FirstKey));
        using var sameBrowser = Browser(restarted, cookies);

        Assert.Equal(ExternalShareStatus.Ok, await OpenAsync(sameBrowser, key));
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task ASecondInstanceWithTheSameKeyEncryptionKey_AcceptsTheUnlockCookie()
    {
        var directory = TempDirectory.Create();
        var cookies = new CookieContainer();
        await using var first = new SharekeepApplication(directory, WithKey(FirstKey));
        using var browser = Browser(first, cookies);
        var key = await UnlockedLinkAsync(first, browser);

        await using var second = new SharekeepApplication(directory, WithKey(FirstKey));
        using var sameBrowser = Browser(second, cookies);

        Assert.Equal(ExternalShareStatus.Ok, await OpenAsync(sameBrowser, key));
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task AServerWithAnotherKeyEncryptionKey_OverACopyOfTheDatabase_RefusesTheConsoleCookie()
    {
        var directory = TempDirectory.Create();
        var cookies = await SignedInOnAServerThatStoppedAsync(directory, WithKey(FirstKey));

        await using var other = new SharekeepApplication(directory, WithKey(SecondKey));
        using var sameBrowser = Browser(other, cookies);
        var console = await sameBrowser.GetAsync("/admin");

        Assert.Contains("id=\"secret\"", console.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sharing switches", console.Text, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task AServerWithTheSameKeyEncryptionKey_AfterARestart_AcceptsTheConsoleCookie()
    {
        var directory = TempDirectory.Create();
        var cookies = await SignedInOnAServerThatStoppedAsync(directory, WithKey(FirstKey));

        await using var restarted = new SharekeepApplication(directory, WithKey(FirstKey));
        using var sameBrowser = Browser(restarted, cookies);
        var console = await sameBrowser.GetAsync("/admin");

        Assert.Contains("Sharing switches", console.Text, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task WithoutAConfiguredKey_TheGeneratedOneIsReusedAcrossRestarts()
    {
        var directory = TempDirectory.Create();
        var file = Path.Combine(directory, "key-encryption-key");
        var (cookies, key) = await UnlockedOnAServerThatStoppedAsync(directory, settings: null);
        var generated = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);

        await using var restarted = new SharekeepApplication(directory);
        using var sameBrowser = Browser(restarted, cookies);

        Assert.Equal(ExternalShareStatus.Ok, await OpenAsync(sameBrowser, key));
        Assert.Equal(generated, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        TempDirectory.Delete(directory);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WithoutAConfiguredKey_OneIsGeneratedIntoAFileReadableByTheOwnerOnly()
    {
        await using var app = new SharekeepApplication();
        _ = app.Server;
        var file = Path.Combine(app.DataDirectory, "key-encryption-key");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(32, Convert.FromBase64String((await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Trim()).Length);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    public async Task AKeyEncryptionKeyThatIsNot32BytesOfBase64_StopsStartUpNamingTheSetting(string value)
    {
        await using var app = new SharekeepApplication(settings: WithKey(value));

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Sharekeep:KeyEncryptionKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysAnEarlierVersionStoredInPlaintext_AreEncryptedAtStart_AndTheirCookiesStillWork()
    {
        var directory = TempDirectory.Create();
        // The version before this one: no encryptor, so Data Protection stored its keys as they are.
        var (cookies, key) = await UnlockedOnAServerThatStoppedAsync(
            directory, WithKey(FirstKey), services => services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = null));

        await using var upgraded = new SharekeepApplication(directory, WithKey(FirstKey));
        using var sameBrowser = Browser(upgraded, cookies);

        Assert.Equal(ExternalShareStatus.Ok, await OpenAsync(sameBrowser, key));
        Assert.All(await StoredKeysAsync(upgraded), xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        TempDirectory.Delete(directory);
    }
}
