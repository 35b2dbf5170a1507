using System.Security.Cryptography;
using System.Text;

namespace Sharekeep.Core.Webhooks;

/// <summary>
/// Standard Webhooks signing: a secret "whsec_" + base64 of random bytes, and "v1," + base64 of HMAC-SHA256 over
/// "id.timestamp.body" keyed with those bytes (https://www.standardwebhooks.com).
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int SecretBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
