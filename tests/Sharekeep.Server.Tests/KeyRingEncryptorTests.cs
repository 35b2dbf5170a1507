using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Tests;

/// <summary>The AES-GCM encryptor and decryptor of the key ring's secrets, on their own.</summary>
public sealed class KeyRingEncryptorTests
{
    private const string MasterKey = "c2VjcmV0LW1hc3Rlci1rZXktYnl0ZXMtMDEyMzQ1Njc4OQ==";

    private static readonly XElement Secret = XElement.Parse(
        $"<masterKey xmlns:p4=\"http://schemas.asp.net/2015/03/dataProtection\" p4:requiresEncryption=\"true\"><value>{MasterKey}</value></masterKey>");

    private static KeyEncryptionKey NewKey() => KeyEncryptionKey.TryParse(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))!;

    [Fact]
    public void EncryptedSecret_DecryptsToTheSameElement()
    {
        var key = NewKey();

        var encrypted = new KeyRingEncryptor(key).Encrypt(Secret);
        var decrypted = new KeyRingDecryptor(key).Decrypt(encrypted.EncryptedElement);

        Assert.True(XNode.DeepEquals(Secret, decrypted));
        Assert.Equal(typeof(KeyRingDecryptor), encrypted.DecryptorType);
    }

    [Fact]
    public void EncryptedSecret_ShowsNothingOfTheSecret_AndNamesItsKeyEncryptionKey()
    {
        var key = NewKey();

        var stored = new KeyRingEncryptor(key).Encrypt(Secret).EncryptedElement.ToString();

        Assert.DoesNotContain(MasterKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
        Assert.Contains($"keyEncryptionKey=\"{key.Id}\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void EachEncryption_UsesItsOwnNonce()
    {
        var encryptor = new KeyRingEncryptor(NewKey());

        var first = encryptor.Encrypt(Secret).EncryptedElement;
        var second = encryptor.Encrypt(Secret).EncryptedElement;

        Assert.NotEqual((string?)first.Attribute("nonce"), (string?)second.Attribute("nonce"));
        Assert.NotEqual(first.Value, second.Value);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("nonce")]
    [InlineData("tag")]
    public void ASecretChangedInTheDatabase_IsRefused(string part)
    {
        var key = NewKey();
        var encrypted = new KeyRingEncryptor(key).Encrypt(Secret).EncryptedElement;
        var attribute = part == "ciphertext" ? null : encrypted.Attribute(part)!;
        var bytes = Convert.FromBase64String(attribute?.Value ?? encrypted.Value);
        bytes[0] ^= 1;
        if (attribute is null)
        {
            encrypted.Value = Convert.ToBase64String(bytes);
        }
        else
        {
            attribute.Value = Convert.ToBase64String(bytes);
        }

        Assert.ThrowsAny<CryptographicException>(() => new KeyRingDecryptor(key).Decrypt(encrypted));
    }

    [Fact]
    public void ASecretEncryptedWithAnotherKey_IsRefusedNamingBothKeys()
    {
        var theirs = NewKey();
        var ours = NewKey();
        var encrypted = new KeyRingEncryptor(theirs).Encrypt(Secret).EncryptedElement;

        var error = Assert.ThrowsAny<CryptographicException>(() => new KeyRingDecryptor(ours).Decrypt(encrypted));

        Assert.Contains(theirs.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains(ours.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("Sharekeep:KeyEncryptionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretWhoseKeyIdWasRewrittenToOurs_IsStillRefused()
    {
        var theirs = NewKey();
        var ours = NewKey();
        var encrypted = new KeyRingEncryptor(theirs).Encrypt(Secret).EncryptedElement;
        encrypted.SetAttributeValue("keyEncryptionKey", ours.Id);

        Assert.ThrowsAny<CryptographicException>(() => new KeyRingDecryptor(ours).Decrypt(encrypted));
    }

    [Fact]
    public void ASecretOfAnotherFormatVersion_IsRefused()
    {
        var key = NewKey();
        var encrypted = new KeyRingEncryptor(key).Encrypt(Secret).EncryptedElement;
        encrypted.SetAttributeValue("version", "2");

        Assert.ThrowsAny<CryptographicException>(() => new KeyRingDecryptor(key).Decrypt(encrypted));
    }

    [Fact]
    public void TheDecryptorDataProtectionMakes_TakesTheKeyFromTheServices()
    {
        var key = NewKey();
        using var services = new ServiceCollection().AddSingleton(key).BuildServiceProvider();
        var encrypted = new KeyRingEncryptor(key).Encrypt(Secret);

        // As Data Protection's activator does: the type named in the stored XML, through its IServiceProvider constructor.
        var decryptor = (KeyRingDecryptor)Activator.CreateInstance(Type.GetType(encrypted.DecryptorType.AssemblyQualifiedName!, throwOnError: true)!, (IServiceProvider)services)!;

        Assert.True(XNode.DeepEquals(Secret, decryptor.Decrypt(encrypted.EncryptedElement)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    public void AKeyThatIsNotTheBase64Of32Bytes_IsNotAKey(string text)
    {
        Assert.Null(KeyEncryptionKey.TryParse(text));
    }
}
