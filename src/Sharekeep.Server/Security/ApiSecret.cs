using System.Security.Cryptography;
using System.Text;

namespace Sharekeep.Server.Security;

/// <summary>The admin API's secret, kept only as a hash so comparisons take the same time whatever the input.</summary>
internal sealed class ApiSecret(string secret)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>
    /// Names this secret in the console sessions opened with it, so that rotating the secret ends them. A digest in a
    /// domain of its own (not the one compared on sign-in), 128 bits: it says which secret, never what it is.
    /// </summary>
    public string SessionStamp { get; } =
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sharekeep.console-session.v1|" + secret)))[..32];

    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _hash);
}
