using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Behind a reverse proxy: links handed out use the configured public address, not the Host a client sent, and
/// X-Forwarded-* is believed only from the proxies named in configuration.
/// </summary>
public sealed class BehindAProxyTests
{
    private const string Secret = "proxy-secret-0123456789";
    private const string Password = "Correct-Horse-9";

    [Fact]
    public async Task LinksHandedOut_UseThePublicBaseUrl_WhateverHostTheClientSent()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?>
        {
            ["Sharekeep:PublicBaseUrl"] = "https://share.example.com/sk/",
        });
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/2.0/files/file/{fileId}/links")
        {
            Content = JsonContent.Create(new { title = "board" }),
        };
        request.Headers.Host = "evil.example";

        var answer = await admin.SendAsync(request);

        var link = answer.Response.GetProperty("sharedTo");
        Assert.Equal(
            $"https://share.example.com/sk/s/{link.GetProperty("requestToken").GetString()}",
            link.GetProperty("shareLink").GetString());
    }

    [Theory]
    [InlineData("share.example.com")]
    [InlineData("https://share.example.com/?x=1")]
    [InlineData("ftp://share.example.com")]
    public async Task APublicBaseUrlThatIsNoHttpAddress_StopsStartUpNamingTheSetting(string value)
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:PublicBaseUrl"] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Sharekeep:PublicBaseUrl", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostOutsideAllowedHosts_IsRefused()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "share.example.com" });
        using var visitor = app.RawVisitor();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "evil.example";

        using var response = await visitor.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnknownSender_DoesNotMakeANewClient()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, Settings(directory));
        var key = await ShareWithPasswordAsync(server);
        using var client = server.CreateClient();

        await WrongPasswordsAsync(client, key, "203.0.113.1", 5);
        var fromAnotherClaimedAddress = await GivePasswordAsync(client, key, "203.0.113.2", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromAnotherClaimedAddress.StatusCode);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task ForwardedForAndProto_FromAKnownProxy_NameTheClientAndTheScheme()
    {
        var directory = TempDirectory.Create();
        var settings = Settings(directory);
        settings["Sharekeep__Proxy__KnownProxies__0"] = "127.0.0.1";
        // The link-wide limit, which counts every address, out of the way: this is about telling clients apart.
        settings["Sharekeep__Passwords__LinkFailures"] = "50";
        await using var server = await ServerProcess.StartAsync(directory, settings);
        var key = await ShareWithPasswordAsync(server);
        using var client = server.CreateClient();

        await WrongPasswordsAsync(client, key, "203.0.113.1", 5);
        var lockedOut = await GivePasswordAsync(client, key, "203.0.113.1", Password);
        var anotherClient = await GivePasswordAsync(client, key, "203.0.113.2", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, lockedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anotherClient.StatusCode);
        var cookie = Assert.Single(anotherClient.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        TempDirectory.Delete(directory);
    }

    private static Dictionary<string, string?> Settings(string directory) => new()
    {
        ["Sharekeep__ApiSecret"] = Secret,
        ["Sharekeep__DataDirectory"] = directory,
    };

    private static async Task<string> ShareWithPasswordAsync(ServerProcess server)
    {
        using var admin = new SharekeepClient(server.CreateClient(), Secret);
        return await admin.ShareFileAsync(new { password = Password });
    }

    private static async Task WrongPasswordsAsync(HttpClient client, string key, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var wrong = await GivePasswordAsync(client, key, address, $"Wrong-Horse-{i}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> GivePasswordAsync(HttpClient client, string key, string address, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/2.0/files/share/{key}/password")
        {
            Content = JsonContent.Create(new { password }, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        request.Headers.Add("X-Forwarded-For", address);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
