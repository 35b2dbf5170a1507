using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Guessing a link's password from many addresses, or many links' from one network: the counts that stop it,
/// what a visitor and an administrator see, and who is left alone.
/// </summary>
public sealed class PasswordGuessingTests
{
    private const string Password = "Correct-Horse-1";

    private static SharekeepApplication App(Dictionary<string, string?>? settings = null, FakeTimeProvider? clock = null) => new(
        settings: settings,
        services: services =>
        {
            TestPeerAddress.AddTo(services);
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });

    private static Task<Answer> TryAsync(SharekeepClient client, string key, string from, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/2.0/files/share/{key}/password")
        {
            Content = JsonContent.Create(new { password }),
        };
        request.Headers.TryAddWithoutValidation(TestPeerAddress.Header, from);
        return client.SendAsync(request);
    }

    private static async Task GuessAsync(SharekeepClient client, string key, string from)
    {
        var answer = await TryAsync(client, key, from, "Wrong-Horse-0");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ExternalShareStatus.InvalidPassword, answer.ShareStatus);
    }

    /// <summary>Five wrong passwords for the link, each from another address.</summary>
    private static async Task LockAsync(SharekeepClient client, string key)
    {
        for (var i = 1; i <= 5; i++)
        {
            await GuessAsync(client, key, $"198.51.100.{i}");
        }
    }

    [Fact]
    public async Task WrongPasswords_FromManyAddresses_LockTheLinkForEveryAddress()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        await LockAsync(visitor, key);

        var fromElsewhere = await TryAsync(visitor, key, "203.0.113.77", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromElsewhere.Status);
        Assert.NotNull(fromElsewhere.Headers.RetryAfter);
    }

    [Fact]
    public async Task LockedLink_StillOpens_ForAVisitorWhoGaveTheRightPasswordBefore()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        using var attacker = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        Assert.Equal(ExternalShareStatus.Ok, (await TryAsync(browser, key, "192.0.2.10", Password)).ShareStatus);
        await LockAsync(attacker, key);

        var later = await browser.GetAsync($"/api/2.0/files/share/{key}");

        Assert.Equal(ExternalShareStatus.Ok, later.ShareStatus);
    }

    [Fact]
    public async Task AddressesOfOneIPv6Slash64_CountAsOneClient()
    {
        await using var app = App(new() { ["Sharekeep:Passwords:LinkFailures"] = "50" });
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        for (var i = 1; i <= 5; i++)
        {
            await GuessAsync(visitor, key, $"2001:db8:1:2::{i:x}");
        }

        var sameNetwork = await TryAsync(visitor, key, "2001:db8:1:2:ffff:ffff:ffff:ffff", Password);
        var nextNetwork = await TryAsync(visitor, key, "2001:db8:1:3::1", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, sameNetwork.Status);
        Assert.Equal(ExternalShareStatus.Ok, nextNetwork.ShareStatus);
    }

    [Fact]
    public async Task OneNetwork_GuessingOnManyLinks_IsStoppedAtItsAllowance()
    {
        await using var app = App(new() { ["Sharekeep:Passwords:NetworkFailures"] = "3" });
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var keys = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            keys.Add(await admin.ShareFileAsync(new { password = Password }));
        }
        for (var i = 0; i < 3; i++)
        {
            await GuessAsync(visitor, keys[i], "198.51.100.9");
        }

        var fourthLink = await TryAsync(visitor, keys[3], "198.51.100.9", Password);
        var otherNetwork = await TryAsync(visitor, keys[3], "198.51.100.10", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourthLink.Status);
        Assert.Equal(ExternalShareStatus.Ok, otherNetwork.ShareStatus);
    }

    [Theory]
    [InlineData("198.51.100.9", "198.51.100.9")]
    [InlineData("2001:db8:1:2::9", "2001:db8:1:2::/64")]
    public async Task LockedNetwork_IsListed_AndUnlockingItLetsItsTriesIn(string address, string network)
    {
        await using var app = App(new() { ["Sharekeep:Passwords:NetworkFailures"] = "3" });
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        for (var i = 0; i < 3; i++)
        {
            await GuessAsync(visitor, await admin.ShareFileAsync(new { password = Password }), address);
        }
        var key = await admin.ShareFileAsync(new { password = Password });

        var listed = await admin.GetAsync("/api/v1/locked-networks");
        var unlocked = await admin.DeleteAsync($"/api/v1/locked-networks/{network}");
        var after = await TryAsync(visitor, key, address, Password);

        Assert.Equal(network, Assert.Single(listed.Body.EnumerateArray()).GetProperty("network").GetString());
        Assert.Equal(HttpStatusCode.NoContent, unlocked.Status);
        Assert.Equal(ExternalShareStatus.Ok, after.ShareStatus);
    }

    [Theory]
    [InlineData("not-a-network")]
    [InlineData("2001:db8:1:2::9")]
    [InlineData("198.51.100.9/64")]
    public async Task Unlock_OfSomethingThatIsNotANetwork_Answers400(string network)
    {
        await using var app = App();
        using var admin = app.Admin();

        var answer = await admin.DeleteAsync($"/api/v1/locked-networks/{network}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task LockedLinks_AreListed_WithTheirFailuresAndWhenTheyUnlock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = App(clock: clock);
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var locked = await admin.ShareFileAsync(new { title = "to the board", password = Password });
        var guessedOnce = await admin.ShareFileAsync(new { password = Password });
        await LockAsync(visitor, locked);
        await GuessAsync(visitor, guessedOnce, "198.51.100.1");

        var list = await admin.GetAsync("/api/v1/locked-links");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var entry = Assert.Single(list.Body.EnumerateArray());
        Assert.Equal("to the board", entry.GetProperty("title").GetString());
        Assert.Equal(5, entry.GetProperty("failures").GetInt32());
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(15), entry.GetProperty("lockedUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task Unlock_LetsTriesInAgainAtOnce()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });
        await LockAsync(visitor, key);
        var linkId = (await admin.GetAsync("/api/v1/locked-links")).Body[0].GetProperty("linkId").GetGuid();

        var unlocked = await admin.DeleteAsync($"/api/v1/locked-links/{linkId}");
        var after = await TryAsync(visitor, key, "198.51.100.1", Password);

        Assert.Equal(HttpStatusCode.NoContent, unlocked.Status);
        Assert.Equal(ExternalShareStatus.Ok, after.ShareStatus);
        Assert.Empty((await admin.GetAsync("/api/v1/locked-links")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Console_ListsALockedLink_AndItsUnlockButtonLetsTriesIn()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        using var browser = app.Visitor();
        var key = await admin.ShareFileAsync(new { title = "board pack", password = Password });
        await LockAsync(visitor, key);
        var linkId = (await admin.GetAsync("/api/v1/locked-links")).Body[0].GetProperty("linkId").GetGuid();
        var console = await ConsoleSignIn.SignInAsync(browser);

        var answer = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/admin/links/{linkId}/unlock")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [FormToken.FieldName] = FormToken.In(console.Text) }),
        });

        Assert.Contains("Unlock the link board pack", console.Text, StringComparison.Ordinal);
        Assert.Contains("The link takes passwords again", answer.Text, StringComparison.Ordinal);
        Assert.Equal(ExternalShareStatus.Ok, (await TryAsync(visitor, key, "198.51.100.1", Password)).ShareStatus);
    }

    [Fact]
    public async Task Unlock_OfAnUnknownLink_Answers404()
    {
        await using var app = App();
        using var admin = app.Admin();

        var answer = await admin.DeleteAsync($"/api/v1/locked-links/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unlock_NeedsTheShareScope()
    {
        await using var app = App();
        using var admin = app.Admin();
        var reader = await ApiKeys.CreateAsync(admin, "read");
        using var withRead = new SharekeepClient(app.CreateClient(), reader.Key);

        var listed = await withRead.GetAsync("/api/v1/locked-links");
        var unlock = await withRead.DeleteAsync($"/api/v1/locked-links/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Equal(HttpStatusCode.Forbidden, unlock.Status);
    }

    [Fact]
    public async Task RightPassword_WritesNoFailure()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        var key = await admin.ShareFileAsync(new { password = Password });

        Assert.Equal(ExternalShareStatus.Ok, (await TryAsync(visitor, key, "198.51.100.1", Password)).ShareStatus);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Storage.SharekeepDbContext>();
        Assert.Equal(0, await db.PasswordFailures.CountAsync(TestContext.Current.CancellationToken));
    }
}
