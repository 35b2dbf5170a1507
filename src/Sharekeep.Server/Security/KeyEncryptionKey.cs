using System.Security.Cryptography;

namespace Sharekeep.Server.Security;

/// <summary>
/// The 256-bit key that encrypts the Data Protection key ring before it is stored in the database. It lives outside
/// the database (configuration, or a file in the data directory), so that a copy of the database alone forges no
/// cookie.
/// </summary>
internal sealed class KeyEncryptionKey
{
    public const int Size = 32;

    private readonly byte[] _key;

    private KeyEncryptionKey(byte[] key)
    {
        _key = key;
        // Names the key in every secret it encrypts, so that a server given another key says so instead of failing
        // blindly. Keyed by the key itself: it tells which key, never anything of it.
        Id = Convert.ToHexStringLower(HMACSHA256.HashData(key, "sharekeep key-encryption-key id"u8))[..16];
    }

    /// <summary>A short, non-secret name of this key, the same on every instance given the same key.</summary>
    public string Id { get; }

    public static KeyEncryptionKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>The key from its base64 text; null when the text is not the base64 of exactly <see cref="Size"/> bytes.</summary>
    public static KeyEncryptionKey? TryParse(string? text)
    {
        var buffer = new byte[Size + 1];
        if (text is null || !Convert.TryFromBase64String(text.Trim(), buffer, out var length) || length != Size)
        {
            return null;
        }
        return new KeyEncryptionKey(buffer[..Size]);
    }

    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>AES-256-GCM under this key; the caller owns neither the key nor a copy of it.</summary>
    public AesGcm CreateCipher() => new(_key, AesGcm.TagByteSizes.MaxSize);
}
