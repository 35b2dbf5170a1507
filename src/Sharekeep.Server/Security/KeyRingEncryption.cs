using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Sharekeep.Server.Security;

/// <summary>
/// Encrypts each secret of the Data Protection key ring (a key's master key) with the <see cref="KeyEncryptionKey"/>
/// before Data Protection stores it, by AES-256-GCM with a random nonce per secret. Data Protection wraps the result
/// in an <c>encryptedSecret</c> element naming <see cref="KeyRingDecryptor"/>, which it calls to read it back.
/// </summary>
internal sealed class KeyRingEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        try
        {
            using var cipher = key.CreateCipher();
            cipher.Encrypt(nonce, plaintext, ciphertext, tag, KeyRingSecret.AssociatedData(key.Id));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
        var element = new XElement(
            KeyRingSecret.ElementName,
            new XAttribute(KeyRingSecret.Version, KeyRingSecret.CurrentVersion),
            new XAttribute(KeyRingSecret.KeyId, key.Id),
            new XAttribute(KeyRingSecret.Nonce, Convert.ToBase64String(nonce)),
            new XAttribute(KeyRingSecret.Tag, Convert.ToBase64String(tag)),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>
/// Reads back what <see cref="KeyRingEncryptor"/> wrote. Data Protection makes it by name from the stored XML, through
/// the constructor taking the service provider. A secret encrypted with another key, or altered, is refused with a
/// <see cref="CryptographicException"/>: Data Protection then treats that key as unusable, so a cookie it signed is
/// refused and a new key is made for new cookies.
/// </summary>
internal sealed class KeyRingDecryptor : IXmlDecryptor
{
    private readonly KeyEncryptionKey _key;

    public KeyRingDecryptor(IServiceProvider services)
        : this(services.GetRequiredService<KeyEncryptionKey>())
    {
    }

    internal KeyRingDecryptor(KeyEncryptionKey key) => _key = key;

    public XElement Decrypt(XElement encryptedElement)
    {
        if (encryptedElement.Name != KeyRingSecret.ElementName
            || (string?)encryptedElement.Attribute(KeyRingSecret.Version) != KeyRingSecret.CurrentVersion)
        {
            throw new CryptographicException($"This key ring secret is not in a form this version of Sharekeep reads ({encryptedElement.Name}).");
        }
        var keyId = (string?)encryptedElement.Attribute(KeyRingSecret.KeyId);
        if (!string.Equals(keyId, _key.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException(string.Create(
                CultureInfo.InvariantCulture,
                $"This key ring secret was encrypted with the key-encryption key {keyId}, but this server has {_key.Id}. Every instance on one database must be given the same {KeyEncryptionKeyLoader.Setting}."));
        }
        byte[] nonce, tag, ciphertext;
        try
        {
            nonce = Convert.FromBase64String((string?)encryptedElement.Attribute(KeyRingSecret.Nonce) ?? "");
            tag = Convert.FromBase64String((string?)encryptedElement.Attribute(KeyRingSecret.Tag) ?? "");
            ciphertext = Convert.FromBase64String(encryptedElement.Value);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("This key ring secret is damaged.", exception);
        }
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var cipher = _key.CreateCipher();
            // Fails (AuthenticationTagMismatchException) if a byte of the secret, its nonce, tag or key id was changed.
            cipher.Decrypt(nonce, ciphertext, tag, plaintext, KeyRingSecret.AssociatedData(_key.Id));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        catch (ArgumentException exception)
        {
            // A nonce or tag of the wrong length.
            throw new CryptographicException("This key ring secret is damaged.", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>The stored form of one encrypted secret, shared by the encryptor and the decryptor.</summary>
internal static class KeyRingSecret
{
    public const string CurrentVersion = "1";

    public static readonly XName ElementName = "sharekeepEncryptedSecret";
    public static readonly XName Version = "version";
    public static readonly XName KeyId = "keyEncryptionKey";
    public static readonly XName Nonce = "nonce";
    public static readonly XName Tag = "tag";

    /// <summary>Binds the ciphertext to its format version and to the key id written beside it.</summary>
    public static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes($"sharekeep key ring secret v{CurrentVersion} {keyId}");
}
