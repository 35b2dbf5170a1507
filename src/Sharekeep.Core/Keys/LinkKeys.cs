using System.Buffers.Text;
using System.Security.Cryptography;

namespace Sharekeep.Core.Keys;

/// <summary>Makes the keys that go into public URLs: share keys, file link keys, and password stamps.</summary>
public interface ILinkKeyGenerator
{
    string NewKey();
}

/// <summary>192 bits from the operating system's CSPRNG, written base64url: 32 URL-safe characters.</summary>
public sealed class RandomLinkKeyGenerator : ILinkKeyGenerator
{
    public const int KeyBytes = 24;

    public string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));
}

/// <summary>What every key in a public URL looks like, for shares and file links alike.</summary>
public static class LinkKeyFormat
{
    public const int Length = 32;

    /// <summary>Cheap check so that a malformed key never reaches the database.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
