using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Webhooks;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>Deliveries to a real receiver process: signed, retried, recorded, replayable.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task SharingSwitched_IsDeliveredSignedWithTheEndpointsSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url(), "sharing.switched");

        await admin.DisableSharingAsync();

        var request = Assert.Single(await receiver.WaitForAsync(r => r.Count > 0));
        Assert.Equal("/hook", request.Path);
        Assert.StartsWith("msg_", request.Id, StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(Webhooks.ExpectedSignature(hook.Secret, request), request.Headers["webhook-signature"]);
        Assert.Equal("sharing.switched", request.Json.GetProperty("type").GetString());
        Assert.True(request.Json.TryGetProperty("timestamp", out _));
        var data = request.Json.GetProperty("data");
        Assert.Equal("sharing", data.GetProperty("setting").GetString());
        Assert.True(data.GetProperty("oldValue").GetBoolean());
        Assert.False(data.GetProperty("newValue").GetBoolean());
    }

    [Fact]
    public async Task LinkEvents_GoOnlyToTheEndpointsSubscribedToThem()
    {
        await using var created = await WebhookReceiver.StartAsync();
        await using var revoked = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var onCreated = await Webhooks.RegisterAsync(admin, created.Url(), "link.created");
        var onRevoked = await Webhooks.RegisterAsync(admin, revoked.Url(), "link.revoked");
        var report = await admin.CreateReportAsync();

        var key = await admin.ShareReportAsync(report);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/shares/{key}")).Status);

        var toCreated = Assert.Single(await created.WaitForAsync(r => r.Count > 0));
        var toRevoked = Assert.Single(await revoked.WaitForAsync(r => r.Count > 0));
        Assert.Equal("link.created", toCreated.Json.GetProperty("type").GetString());
        Assert.Equal("link.revoked", toRevoked.Json.GetProperty("type").GetString());
        foreach (var request in new[] { toCreated, toRevoked })
        {
            Assert.Equal("report", request.Json.GetProperty("data").GetProperty("kind").GetString());
            Assert.Equal(report, request.Json.GetProperty("data").GetProperty("resourceId").GetGuid());
            // The key opens the link: it never leaves the server in an event.
            Assert.DoesNotContain(key, request.Body, StringComparison.Ordinal);
        }
        Assert.Equal(Webhooks.ExpectedSignature(onCreated.Secret, toCreated), toCreated.Headers["webhook-signature"]);
        Assert.Equal(Webhooks.ExpectedSignature(onRevoked.Secret, toRevoked), toRevoked.Headers["webhook-signature"]);
        // Once delivered, the other endpoint's event is not sent to it later either.
        await Webhooks.WaitForDeliveriesAsync(admin, onCreated.Id, a => a.Count == 1);
        Assert.Single(await created.ReceivedAsync());
    }

    [Fact]
    public async Task ReceiverAnswering500_IsTriedAgainWithTheSameId_AndEveryAttemptIsRecorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync(fail: 2);
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url(), "sharing.switched");

        await admin.DisableSharingAsync();

        var received = await receiver.WaitForAsync(r => r.Count >= 3);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.All(received, r => Assert.Equal(Webhooks.ExpectedSignature(hook.Secret, r), r.Headers["webhook-signature"]));
        var attempts = await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count >= 3);
        Assert.Equal([3, 2, 1], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal([200, 500, 500], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.All(attempts, a => Assert.Equal(received[0].Id, a.GetProperty("messageId").GetString()));
        Assert.All(attempts, a => Assert.Equal("sharing.switched", a.GetProperty("event").GetString()));
        Assert.All(attempts, a => Assert.True(a.GetProperty("durationMs").GetInt32() >= 0));
    }

    [Fact]
    public async Task ReceiverDownForAWhile_GetsTheMessageOnceItIsUp()
    {
        var port = ServerProcess.FreePort();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings(string.Join(',', Enumerable.Repeat("0.2", 50))));
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, $"http://127.0.0.1:{port}/hook", "sharing.switched");

        await admin.DisableSharingAsync();
        var failed = await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count >= 2);
        await using var receiver = await WebhookReceiver.StartAsync(port: port);

        var request = Assert.Single(await receiver.WaitForAsync(r => r.Count > 0));
        Assert.Equal("sharing.switched", request.Json.GetProperty("type").GetString());
        Assert.All(failed, a => Assert.False(a.TryGetProperty("statusCode", out var status) && status.ValueKind == System.Text.Json.JsonValueKind.Number));
        Assert.All(failed, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("error").GetString())));
        var attempts = await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count > 0 && a[0].GetProperty("succeeded").GetBoolean());
        Assert.Equal(200, attempts[0].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task ReceiverFailingEveryTime_IsGivenUpAfterTheLastRetry()
    {
        await using var receiver = await WebhookReceiver.StartAsync(fail: 1000);
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings("0.05,0.05"));
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url(), "sharing.switched");

        await admin.DisableSharingAsync();

        await WaitAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
            return await db.WebhookMessages.AnyAsync(m => m.State == (int)WebhookMessageState.Failed);
        });
        var attempts = await Webhooks.DeliveriesAsync(admin, hook.Id);
        Assert.Equal([3, 2, 1], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal(3, (await receiver.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task Replay_SendsTheMessageAgainWithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url(), "sharing.switched");
        await admin.DisableSharingAsync();
        var first = Assert.Single(await receiver.WaitForAsync(r => r.Count > 0));
        await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count == 1);

        var replayed = await admin.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/{first.Id}/replay");

        Assert.Equal(HttpStatusCode.Accepted, replayed.Status);
        var received = await receiver.WaitForAsync(r => r.Count >= 2);
        Assert.Equal(first.Id, received[1].Id);
        Assert.Equal(first.Body, received[1].Body);
        Assert.Equal(Webhooks.ExpectedSignature(hook.Secret, received[1]), received[1].Headers["webhook-signature"]);
        var attempts = await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count == 2);
        Assert.Equal(2, attempts[0].GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task Replay_OfAnUnknownMessage_Answers404()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, "http://127.0.0.1:9/hook", "link.created");

        var replayed = await admin.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/msg_nothing/replay");

        Assert.Equal(HttpStatusCode.NotFound, replayed.Status);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never held.");
            await Task.Delay(50);
        }
    }
}
