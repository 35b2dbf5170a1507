using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

public sealed class FailedAuthenticationBrakeTests
{
    private const int Limit = 3;

    private static SharekeepApplication App(FakeTimeProvider? clock = null) => new(
        settings: new Dictionary<string, string?> { ["Sharekeep:FailedAuthenticationsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        services: services =>
        {
            TestPeerAddress.AddTo(services);
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });

    private static Task<Answer> CallAsync(SharekeepClient client, string from, string? credential, string path = "/api/v1/policy")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(TestPeerAddress.Header, from);
        if (credential is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + credential);
        }
        return client.SendAsync(request);
    }

    private static async Task ExhaustAsync(SharekeepClient client, string from)
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, from, "wrong-" + i)).Status);
        }
    }

    [Fact]
    public async Task WrongCredentialsPastTheLimit_Answer429WithRetryAfter()
    {
        await using var app = App();
        using var client = app.Visitor();
        await ExhaustAsync(client, "198.51.100.7");

        var braked = await CallAsync(client, "198.51.100.7", "wrong-again");

        Assert.Equal(HttpStatusCode.TooManyRequests, braked.Status);
        Assert.True(braked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, braked.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UpToTheLimit_TheRightSecretStillGetsIn()
    {
        await using var app = App();
        using var client = app.Visitor();
        await ExhaustAsync(client, "198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, "198.51.100.7", SharekeepApplication.Secret)).Status);
    }

    /// <summary>The secret may be short enough to guess: while braked, it is not even checked, so guessing stops.</summary>
    [Fact]
    public async Task ABrakedNetwork_GetsNoAnswerAboutTheSecretUntilItsWindowEnds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = App(clock);
        using var client = app.Visitor();
        await ExhaustAsync(client, "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CallAsync(client, "198.51.100.7", "wrong-again")).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await CallAsync(client, "198.51.100.7", SharekeepApplication.Secret)).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, "198.51.100.7", SharekeepApplication.Secret)).Status);
    }

    [Fact]
    public async Task ABrakedNetwork_StillGetsInWithARightApiKey()
    {
        await using var app = App();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "read");
        using var client = app.Visitor();
        await ExhaustAsync(client, "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CallAsync(client, "198.51.100.7", "wrong-again")).Status);

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, "198.51.100.7", issued.Key)).Status);
    }

    [Fact]
    public async Task AnotherNetwork_IsNotBraked()
    {
        await using var app = App();
        using var client = app.Visitor();
        await ExhaustAsync(client, "198.51.100.7");

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, "198.51.100.8", "wrong")).Status);
    }

    [Fact]
    public async Task AddressesOfOneIPv6Slash64_CountAsOneNetwork()
    {
        await using var app = App();
        using var client = app.Visitor();
        for (var i = 1; i <= Limit; i++)
        {
            await CallAsync(client, $"2001:db8:1:2::{i:x}", "wrong");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await CallAsync(client, "2001:db8:1:2:ffff::1", "wrong")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, "2001:db8:1:3::1", "wrong")).Status);
    }

    [Fact]
    public async Task RequestsWithoutCredentials_AreNotCounted()
    {
        await using var app = App();
        using var client = app.Visitor();
        for (var i = 0; i < Limit * 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, "198.51.100.7", null)).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, "198.51.100.7", "wrong")).Status);
    }

    [Fact]
    public async Task WrongCredentialsOnPublicPages_AreNotCounted()
    {
        await using var app = App();
        using var client = app.Visitor();
        for (var i = 0; i < Limit * 2; i++)
        {
            await CallAsync(client, "198.51.100.7", "wrong", "/healthz");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, "198.51.100.7", "wrong")).Status);
    }

    [Fact]
    public async Task WrongCredentialsOnAVisitorsFileLinkResolve_AreNotCounted()
    {
        await using var app = App();
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync();
        using var client = app.Visitor();
        for (var i = 0; i < Limit * 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, "198.51.100.7", "wrong", $"/api/2.0/files/share/{key}")).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(client, "198.51.100.7", "wrong")).Status);
    }

    [Fact]
    public async Task WrongConsoleSignIns_CountTowardsTheSameBrake()
    {
        await using var app = App();
        using var browser = app.Visitor();
        browser.Http.DefaultRequestHeaders.Add(TestPeerAddress.Header, "198.51.100.7");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ConsoleSignIn.TryAsync(browser, "wrong-" + i)).Status);
        }

        var braked = await ConsoleSignIn.TryAsync(browser, "wrong-again");

        Assert.Equal(HttpStatusCode.TooManyRequests, braked.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CallAsync(browser, "198.51.100.7", "wrong")).Status);
    }

    [Fact]
    public async Task ABrakedNetwork_StillSignsInToTheConsoleWithAnAdminKey()
    {
        await using var app = App();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "admin");
        using var browser = app.Visitor();
        browser.Http.DefaultRequestHeaders.Add(TestPeerAddress.Header, "198.51.100.7");
        await ExhaustAsync(browser, "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ConsoleSignIn.TryAsync(browser, "wrong-again")).Status);

        var console = await ConsoleSignIn.TryAsync(browser, issued.Key);

        Assert.Equal(HttpStatusCode.OK, console.Status);
        Assert.Contains("Sharing switches", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBrake_AnswersInTheReportingToolsEnvelopeOnItsPaths()
    {
        await using var app = App();
        using var client = app.Visitor();
        await ExhaustAsync(client, "198.51.100.7");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/share/disable");
        request.Headers.TryAddWithoutValidation(TestPeerAddress.Header, "198.51.100.7");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer wrong");

        var braked = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, braked.Status);
        Assert.NotNull(braked.ErrorCode);
    }
}
