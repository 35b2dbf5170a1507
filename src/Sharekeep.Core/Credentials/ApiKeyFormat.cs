using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sharekeep.Core.Credentials;

/// <summary>
/// Keys are "skk_" and 256 random bits (base64url). The prefix lets secret scanners and people recognise a leaked
/// key. A key has the strength of a random 256-bit value, so it is stored as a SHA-256 digest rather than a slow
/// password hash: nobody can search that space, and the digest is what the store is searched by.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "skk_";
    private const int RandomBytes = 32;
    private const string DigestDomain = "sharekeep.api-key.v1|";

    public static string NewKey() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Whether a presented credential has the shape of a key at all (so it is worth looking up).</summary>
    public static bool LooksLikeKey(string candidate) =>
        candidate.Length == Prefix.Length + Base64Url.GetEncodedLength(RandomBytes)
        && candidate.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Digest(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DigestDomain + key)));

    /// <summary>Compares digests in constant time, after the store found a row by one.</summary>
    public static bool DigestsMatch(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
