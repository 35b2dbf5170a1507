using System.Net;
using System.Net.Sockets;

namespace Sharekeep.Core.Webhooks;

/// <summary>
/// Which addresses and ports a webhook may not reach unless the operator allows private receivers: anything that is
/// not the public internet (loopback, private, link-local, unique-local, CGNAT, multicast, unspecified, reserved,
/// and IPv6 forms that carry or tunnel to an IPv4 address), and ports of services that are never an HTTP receiver,
/// so that registering a webhook is no way into the host's own network.
/// </summary>
public static class WebhookAddresses
{
    // Names that Debian's and most distributions' /etc/hosts give the loopback addresses.
    private static readonly string[] LoopbackHostNames = ["localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"];

    /// <summary>
    /// localhost, a name under it, or another name hosts files give the loopback, with or without the trailing dot of
    /// a fully qualified name, in any case.
    /// </summary>
    public static bool IsLocalHostName(string host)
    {
        var name = host.TrimEnd('.');
        return LoopbackHostNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

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
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix)[] RestrictedV6 =
    [
        // The unspecified address, loopback and the deprecated IPv4-compatible ::a.b.c.d: nothing public is there.
        (IPAddress.Parse("::"), 96),
        // SIIT's IPv4-translated addresses (::ffff:0:a.b.c.d), for the same reason.
        (IPAddress.Parse("::ffff:0:0:0"), 96),
        (IPAddress.Parse("64:ff9b:1::"), 48),
        (IPAddress.Parse("100::"), 64),
        // Teredo: a tunnel whose far end (an obfuscated IPv4 address and port) the guard cannot vouch for.
        (IPAddress.Parse("2001::"), 32),
        (IPAddress.Parse("2001:2::"), 48),
        (IPAddress.Parse("2001:10::"), 28),
        (IPAddress.Parse("2001:20::"), 28),
        (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("3fff::"), 20),
        (IPAddress.Parse("5f00::"), 16),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    private static readonly IPAddress Nat64 = IPAddress.Parse("64:ff9b::");
    private static readonly IPAddress SixToFour = IPAddress.Parse("2002::");

    /// <summary>
    /// Ports refused whatever the address: the "bad ports" of the Fetch standard (protocols such as SMTP, IRC or
    /// FTP that would take a POST's lines as their own commands), and the well-known ports of databases, caches
    /// and control planes that are never meant to be reached from outside (PostgreSQL, MySQL, Redis, memcached,
    /// MongoDB, Docker, etcd, the kubelet, Elasticsearch, Consul). A webhook on a public address can still be the
    /// host's own public address: there, these are what an attacker would aim at.
    /// </summary>
    public static readonly IReadOnlySet<int> RefusedPorts = new HashSet<int>
    {
        1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109,
        110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530,
        531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190,
        5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
        2375, 2376, 2379, 2380, 3306, 5432, 6379, 8500, 9200, 9300, 10250, 10255, 11211, 27017,
    };

    /// <summary>True for an address only private receivers may have.</summary>
    public static bool IsRestricted(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } embedded)
        {
            address = embedded;
        }
        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? RestrictedV4 : RestrictedV6;
        return ranges.Any(r => InPrefix(address, r.Network, r.Prefix));
    }

    /// <summary>True for a port no receiver may be on unless private receivers are allowed.</summary>
    public static bool IsRefusedPort(int port) => port is < 1 or > 65535 || RefusedPorts.Contains(port);

    /// <summary>
    /// The IPv4 address an IPv6 address stands for, judged in its place: mapped (::ffff:a.b.c.d), translated by
    /// NAT64 (64:ff9b::/96) or a 6to4 router's (2002:aabb:ccdd::/48), whose traffic ends at that IPv4 address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        if (InPrefix(address, Nat64, 96))
        {
            return new IPAddress(bytes[12..]);
        }
        return InPrefix(address, SixToFour, 16) ? new IPAddress(bytes[2..6]) : null;
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
