using System.Net;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Tests;

public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void NetworkOf_IsTheAddressForIPv4AndTheSlash64ForIPv6(string address, string network)
    {
        Assert.Equal(network, ClientAddress.NetworkOf(IPAddress.Parse(address)));
    }
}
