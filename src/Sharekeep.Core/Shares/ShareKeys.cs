using System.Buffers.Text;
using System.Security.Cryptography;

namespace Sharekeep.Core.Shares;

/// <summary>Makes the keys that go into public URLs.</summary>
public interface IShareKeyGenerator
{
    string NewKey();
}

/// <summary>192 bits from the operating system's CSPRNG, written base64url: 32 URL-safe characters.</summary>
public sealed class RandomShareKeyGenerator : IShareKeyGenerator
{
    public const int KeyBytes = 24;

    public string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));
}

public static class ShareKeyFormat
{
    public const int Length = 32;

    /// <summary>Cheap check so that a malformed key never reaches the database.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
