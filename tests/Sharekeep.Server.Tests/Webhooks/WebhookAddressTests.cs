using System.Net;
using Sharekeep.Core.Webhooks;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>Without Sharekeep:Webhooks:AllowPrivateAddresses, no webhook reaches the host's own network.</summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://LocalHost./hook")]
    [InlineData("http://api.localhost/hook")]
    public async Task Create_OnAPrivateAddress_Answers400(string url)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/webhooks", new { url, events = new[] { "sharing.switched" } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("AllowPrivateAddresses", answer.Body.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OnAPublicAddress_IsAccepted()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = new[] { "sharing.switched" } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }

    [Fact]
    public async Task Delivery_ToANameThatResolvesToLoopback_IsRefusedAndNothingIsSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?>
        {
            ["Sharekeep:Webhooks:PollIntervalMilliseconds"] = "20",
            ["Sharekeep:Webhooks:RetryDelaysSeconds"] = "0.05",
        });
        using var admin = app.Admin();
        // A name is accepted at registration (it may resolve anywhere by the time of a delivery); its address is checked
        // then. The machine's own name is one that resolves to the host (Debian maps it to 127.0.1.1), and is no
        // name under localhost, which registration refuses outright.
        var name = Dns.GetHostName();
        if (!(await Dns.GetHostAddressesAsync(name, TestContext.Current.CancellationToken)).All(WebhookAddresses.IsRestricted))
        {
            Assert.Skip($"This machine's name, {name}, resolves to a public address: no name here is known to resolve to the host.");
        }
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url(name), "sharing.switched");

        await admin.DisableSharingAsync();

        var attempts = await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count >= 2);
        Assert.All(attempts, a => Assert.Contains("Refused", a.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.Empty(await receiver.ReceivedAsync());
    }

    [Fact]
    public async Task Delivery_ToLoopback_IsMadeWhenPrivateAddressesAreAllowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        await Webhooks.RegisterAsync(admin, receiver.Url("localhost"), "sharing.switched");

        await admin.DisableSharingAsync();

        Assert.Single(await receiver.WaitForAsync(r => r.Count > 0));
    }
}
