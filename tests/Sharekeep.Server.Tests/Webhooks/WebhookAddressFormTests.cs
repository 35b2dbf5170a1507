using System.Net;
using Sharekeep.Server.Native.Webhooks;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>
/// The SSRF guard against the other ways of writing a private address (IPv6 forms that carry an IPv4 address,
/// tunnels, decimal and octal IPv4, a trailing dot) and against ports of services that are no webhook receiver.
/// </summary>
public sealed class WebhookAddressFormTests
{
    [Theory]
    [InlineData("http://[::127.0.0.1]/hook")]
    [InlineData("http://[::ffff:a9fe:a9fe]/latest/meta-data")]
    [InlineData("http://[64:ff9b::7f00:1]/hook")]
    [InlineData("http://[2002:7f00:1::1]/hook")]
    [InlineData("http://[2002:a9fe:a9fe::1]/hook")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://0x7f.1/hook")]
    [InlineData("http://017700000001/hook")]
    [InlineData("http://127.1/hook")]
    [InlineData("http://0/hook")]
    [InlineData("http://127.0.0.1./hook")]
    [InlineData("http://169.254.169.254.:80/latest/meta-data")]
    [InlineData("http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/hook")]
    public async Task Create_OnAPrivateAddressInAnotherForm_Answers400(string url)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/webhooks", new { url, events = new[] { "sharing.switched" } });

        Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{url}: {answer.Text}");
        Assert.Contains("AllowPrivateAddresses", answer.Body.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://93.184.215.14:25/hook")]
    [InlineData("http://93.184.215.14:6379/hook")]
    [InlineData("https://hooks.example.com:5432/in")]
    public async Task Create_OnThePortOfAServiceThatIsNoReceiver_Answers400NamingThePort(string url)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/webhooks", new { url, events = new[] { "sharing.switched" } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains($"port {new Uri(url).Port}", answer.Body.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OnAnUnusualButHarmlessPort_IsAccepted()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/webhooks", new { url = "https://hooks.example.com:8443/in", events = new[] { "sharing.switched" } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }

    [Fact]
    public async Task Connecting_ToARefusedPort_IsRefusedBeforeAnyConnection()
    {
        // A webhook stored before its port was refused: the deliverer checks the port again when it connects.
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await WebhookSender.ConnectAsync(new DnsEndPoint("93.184.215.14", 25), allowPrivate: false, TestContext.Current.CancellationToken));

        Assert.Contains("port 25", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::127.0.0.1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("::ffff:0:127.0.0.1")]
    public async Task Connecting_ToAnIPv6FormOfLoopback_IsRefused(string address)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await WebhookSender.ConnectAsync(new DnsEndPoint(address, 8080), allowPrivate: false, TestContext.Current.CancellationToken));

        Assert.Contains("Refused", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ToAPrivateAddress_Answers400AndKeepsTheOldOne()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, "https://hooks.example.com/in", "link.created");

        var answer = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/webhooks/{hook.Id}")
        {
            Content = new StringContent("{\"url\":\"http://[2002:7f00:1::1]:8080/\"}", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("https://hooks.example.com/in", (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}")).Body.GetProperty("url").GetString());
    }
}
