namespace Sharekeep.Server.Public;

internal static class ClientAddress
{
    /// <summary>Who is trying passwords, for the brute-force brake: the peer's IP address.</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
