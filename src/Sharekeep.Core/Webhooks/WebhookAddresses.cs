using System.Net;
using System.Net.Sockets;

namespace Sharekeep.Core.Webhooks;

/// <summary>
/// Which addresses a webhook may not reach unless the operator allows private receivers: anything that is not the
/// public internet (loopback, private, link-local, unique-local, CGNAT, multicast, unspecified, reserved), so that
/// registering a webhook is no way into the host's own network.
/// </summary>
public static class WebhookAddresses
{
    private static readonly (IPAddress Network, int Prefix)[] RestrictedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix)[] RestrictedV6 =
    [
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("64:ff9b:1::"), 48),
        (IPAddress.Parse("100::"), 64),
        (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    /// <summary>True for an address only private receivers may have.</summary>
    public static bool IsRestricted(IPAddress address)
    {
        // An IPv4 address written as IPv6 (::ffff:127.0.0.1) or translated (64:ff9b::/96) is judged as the IPv4 address it names.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && InPrefix(address, IPAddress.Parse("64:ff9b::"), 96))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }
        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? RestrictedV4 : RestrictedV6;
        return ranges.Any(r => InPrefix(address, r.Network, r.Prefix));
    }

    private static bool InPrefix(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }
        var (a, n) = (address.GetAddressBytes(), network.GetAddressBytes());
        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }
        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
