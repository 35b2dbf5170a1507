using System.Security.Cryptography;
using System.Text;

namespace Sharekeep.Server.Security;

/// <summary>The admin API's secret, kept only as a hash so comparisons take the same time whatever the input.</summary>
internal sealed class ApiSecret(string secret)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _hash);
}
