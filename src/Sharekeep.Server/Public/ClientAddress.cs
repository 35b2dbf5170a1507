using System.Net;
using System.Net.Sockets;

namespace Sharekeep.Server.Public;

internal static class ClientAddress
{
    /// <summary>The peer's IP address (after a trusted proxy's forwarding headers), as it is.</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The network a client speaks from, for brakes that one holder of many addresses must not get around: an IPv4
    /// address as it is (also when mapped into IPv6), an IPv6 address as its /64, the smallest block a site is given.
    /// </summary>
    public static string NetworkOf(HttpContext context) => NetworkOf(context.Connection.RemoteIpAddress);

    /// <summary>Whether the text is a network as <see cref="NetworkOf(IPAddress?)"/> writes it.</summary>
    public static bool IsNetwork(string text)
    {
        var address = text.EndsWith("/64", StringComparison.Ordinal) ? text[..^3] : text;
        return text.Length <= 64 && IPAddress.TryParse(address, out var parsed) && NetworkOf(parsed) == text;
    }

    public static string NetworkOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
