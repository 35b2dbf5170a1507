using System.Net;
using Sharekeep.Core.Webhooks;

namespace Sharekeep.Core.Tests;

/// <summary>Which addresses and ports the SSRF guard keeps webhooks away from, unless private receivers are allowed.</summary>
public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("0.1.2.3")]
    [InlineData("169.254.169.254")]
    [InlineData("192.88.99.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    public void PlainNonPublicAddresses_AreRestricted(string address) => Assert.True(WebhookAddresses.IsRestricted(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:0:127.0.0.1")]
    [InlineData("64:ff9b::10.0.0.1")]
    public void IPv4AddressesWrittenAsIPv6_AreJudgedAsTheAddressTheyName(string address) =>
        Assert.True(WebhookAddresses.IsRestricted(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::127.0.0.1")]
    [InlineData("::10.0.0.1")]
    [InlineData("::8.8.8.8")]
    public void IPv4CompatibleAddresses_AreRestrictedWhateverTheyEmbed(string address) =>
        Assert.True(WebhookAddresses.IsRestricted(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:a00:1::")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2002:c0a8:101::1")]
    public void SixToFourAddresses_OfAPrivateIPv4Address_AreRestricted(string address) =>
        Assert.True(WebhookAddresses.IsRestricted(IPAddress.Parse(address)));

    [Fact]
    public void ASixToFourAddress_OfAPublicIPv4Address_IsNot() =>
        Assert.False(WebhookAddresses.IsRestricted(IPAddress.Parse("2002:5db8:d70e::1")));

    [Theory]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001::1")]
    public void TeredoAddresses_AreRestricted(string address) => Assert.True(WebhookAddresses.IsRestricted(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2001:2::1")]
    [InlineData("2001:10::1")]
    [InlineData("3fff::1")]
    [InlineData("5f00::1")]
    public void ReservedIPv6Ranges_AreRestricted(string address) => Assert.True(WebhookAddresses.IsRestricted(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [InlineData("::ffff:93.184.215.14")]
    [InlineData("64:ff9b::93.184.215.14")]
    [InlineData("2001:4860:4860::8888")]
    public void PublicAddresses_AreNotRestricted(string address) => Assert.False(WebhookAddresses.IsRestricted(IPAddress.Parse(address)));

    [Theory]
    [InlineData(25)]
    [InlineData(22)]
    [InlineData(6379)]
    [InlineData(5432)]
    [InlineData(11211)]
    [InlineData(0)]
    [InlineData(65536)]
    public void PortsOfServicesThatAreNoReceiver_AreRefused(int port) => Assert.True(WebhookAddresses.IsRefusedPort(port));

    [Theory]
    [InlineData(80)]
    [InlineData(443)]
    [InlineData(8080)]
    [InlineData(8443)]
    [InlineData(3000)]
    public void PortsReceiversUse_AreAllowed(int port) => Assert.False(WebhookAddresses.IsRefusedPort(port));

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST.", true)]
    [InlineData("hooks.localhost", true)]
    [InlineData("localhost.localdomain", true)]
    [InlineData("IP6-LOCALHOST", true)]
    [InlineData("ip6-loopback.", true)]
    [InlineData("localhost.example.com", false)]
    [InlineData("mylocalhost", false)]
    public void LocalHostNames_AreTheNamesUnderLocalhost(string host, bool local) => Assert.Equal(local, WebhookAddresses.IsLocalHostName(host));
}
