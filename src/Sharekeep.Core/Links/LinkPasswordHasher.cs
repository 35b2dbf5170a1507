using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sharekeep.Core.Links;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a 128-bit random salt and 600 000 iterations (OWASP's figure for this function),
/// written as "pbkdf2-sha256$iterations$salt$hash" so that a later, larger count still verifies old hashes.
/// </summary>
public static class LinkPasswordHasher
{
    public const int Iterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password) => Hash(password, LinkPasswordCost.Production);

    public static string Hash(string password, LinkPasswordCost cost)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, cost.Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, cost.Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 4
            || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < 1)
        {
            return false;
        }
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
