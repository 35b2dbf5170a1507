using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>The deliverer against misbehaving receivers: every attempt ends and is recorded, on both databases.</summary>
public sealed class WebhookHostileDeliveryTests
{
    private static Dictionary<string, string?> Settings()
    {
        var settings = Webhooks.FastSettings("0.05");
        settings["Sharekeep:Webhooks:ConnectTimeoutSeconds"] = "1";
        settings["Sharekeep:Webhooks:TimeoutSeconds"] = "1";
        return settings;
    }

    [Fact]
    public async Task AReceiverTricklingItsAnswer_HasEachAttemptRecordedAsUnanswered()
    {
        await using var receiver = HostileReceiver.Start((_, stream, ct) => HostileReceiver.TrickleAsync(stream, "HTTP/1.1 200 OK\r\n", ct));
        await using var app = new SharekeepApplication(settings: Settings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url, "sharing.switched");

        await admin.DisableSharingAsync();

        var attempts = await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count >= 2);
        Assert.All(attempts, a => Assert.Equal("No answer within 1 s.", a.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task AReceiverAnsweringNulCharacters_HasItsDeliveryRecorded()
    {
        await using var receiver = HostileReceiver.Answering("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\n\0ok\0");
        await using var app = new SharekeepApplication(settings: Settings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url, "sharing.switched");

        await admin.DisableSharingAsync();

        var attempts = await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count >= 1);
        Assert.True(Assert.Single(attempts).GetProperty("succeeded").GetBoolean());
    }
}
