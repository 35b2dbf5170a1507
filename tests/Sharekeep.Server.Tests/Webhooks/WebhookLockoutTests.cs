using System.Net;
using System.Net.Http.Json;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>link.locked: one event for the wrong password that locks a link, none before it, none for the tries refused after.</summary>
public sealed class WebhookLockoutTests
{
    private const int Limit = 3;

    private static SharekeepApplication App()
    {
        var settings = Webhooks.FastSettings();
        settings["Sharekeep:Passwords:LinkFailures"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SharekeepApplication(settings: settings, services: TestPeerAddress.AddTo);
    }

    private static Task<Answer> GuessAsync(SharekeepClient visitor, string key, int address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/2.0/files/share/{key}/password")
        {
            Content = JsonContent.Create(new { password = "Wrong-Horse-0" }),
        };
        // Each guess from another address: only the link's own count can lock it.
        request.Headers.TryAddWithoutValidation(TestPeerAddress.Header, $"198.51.100.{address}");
        return visitor.SendAsync(request);
    }

    /// <summary>Creates a report share (link.created) and waits for its event: whatever was written before it has been sent by then.</summary>
    private static async Task<IReadOnlyList<ReceivedRequest>> MarkAsync(SharekeepClient admin, WebhookReceiver receiver, int marksBefore)
    {
        await admin.ShareReportAsync(await admin.CreateReportAsync($"mark {marksBefore}"));
        return await receiver.WaitForAsync(r => r.Count(e => Type(e) == "link.created") > marksBefore);
    }

    private static string? Type(ReceivedRequest request) => request.Json.GetProperty("type").GetString();

    [Fact]
    public async Task TheGuessThatLocksALink_SendsOneLinkLocked_AndNoneBeforeOrWhileLocked()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        await Webhooks.RegisterAsync(admin, receiver.Url(), "link.locked", "link.created");
        var fileId = await admin.UploadFileAsync();
        var key = (await admin.SetLinkAsync(fileId, new { title = "guarded", password = "Correct-Horse-1" })).GetProperty("requestToken").GetString()!;

        for (var i = 1; i < Limit; i++)
        {
            Assert.Equal(ExternalShareStatus.InvalidPassword, (await GuessAsync(visitor, key, i)).ShareStatus);
        }
        // The file link's own link.created came first: the marks are the second and third.
        var beforeLimit = await MarkAsync(admin, receiver, 1);
        Assert.Equal(ExternalShareStatus.InvalidPassword, (await GuessAsync(visitor, key, Limit)).ShareStatus);
        var atLimit = await receiver.WaitForAsync(r => r.Any(e => Type(e) == "link.locked"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GuessAsync(visitor, key, Limit + 1)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GuessAsync(visitor, key, Limit + 2)).Status);
        var whileLocked = await MarkAsync(admin, receiver, 2);

        Assert.DoesNotContain(beforeLimit, e => Type(e) == "link.locked");
        var locked = Assert.Single(whileLocked, e => Type(e) == "link.locked");
        Assert.Contains(atLimit, e => e.Id == locked.Id);
        var data = locked.Json.GetProperty("data");
        Assert.Equal("file", data.GetProperty("kind").GetString());
        Assert.Equal(fileId, data.GetProperty("resourceId").GetGuid());
        Assert.NotEqual(Guid.Empty, data.GetProperty("linkId").GetGuid());
        Assert.True(data.GetProperty("lockedUntil").GetDateTimeOffset() > locked.Json.GetProperty("timestamp").GetDateTimeOffset());
        Assert.DoesNotContain(key, locked.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockout_WithNoSubscriberToLinkLocked_SendsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.RawVisitor();
        await Webhooks.RegisterAsync(admin, receiver.Url(), "link.created");
        var key = await admin.ShareFileAsync(new { title = "guarded", password = "Correct-Horse-1" });

        for (var i = 1; i <= Limit; i++)
        {
            Assert.Equal(ExternalShareStatus.InvalidPassword, (await GuessAsync(visitor, key, i)).ShareStatus);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GuessAsync(visitor, key, Limit + 1)).Status);
        var received = await MarkAsync(admin, receiver, 1);

        Assert.DoesNotContain(received, e => Type(e) == "link.locked");
    }
}
