using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Hosting;
using Sharekeep.Storage;

namespace Sharekeep.Server.Security;

/// <summary>
/// The key ring that signs unlock and console cookies lives in the database, so that every instance shares it; its
/// secrets are stored encrypted with a key that does not (<see cref="KeyEncryptionKey"/>), so a copy of the database
/// alone forges no cookie. See docs/decisions/0016-key-ring-encrypted-at-rest.md.
/// </summary>
internal static partial class KeyRingProtection
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    public static IDataProtectionBuilder ProtectKeysWithKeyEncryptionKey(this IDataProtectionBuilder builder, bool sharedDatabase)
    {
        builder.Services.AddSingleton(sp => KeyEncryptionKeyLoader.Load(
            sp.GetRequiredService<IOptions<SharekeepOptions>>(),
            sp.GetRequiredService<DataPaths>(),
            sharedDatabase,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Sharekeep.Security")));
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<KeyEncryptionKey>((options, key) => options.XmlEncryptor = new KeyRingEncryptor(key));
        return builder;
    }

    /// <summary>
    /// Encrypts the secrets of keys that an earlier version stored in plaintext, in place, before the key ring is
    /// first read: the plaintext leaves the database, and the cookies those keys signed keep working. (Data Protection
    /// would go on accepting cookies of such a key after it expires, so waiting for it to expire would not do.)
    /// </summary>
    public static async Task EncryptPlaintextKeysAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor is not { } encryptor)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        var plaintext = await db.DataProtectionKeys
            .Where(k => k.Xml != null && k.Xml.Contains(RequiresEncryption.LocalName))
            .ToListAsync(cancellationToken);
        var encrypted = 0;
        foreach (var row in plaintext)
        {
            var key = XElement.Parse(row.Xml!);
            var secrets = key.Descendants().Where(e => (string?)e.Attribute(RequiresEncryption) is { } marked && XmlConvert.ToBoolean(marked)).ToList();
            foreach (var secret in secrets)
            {
                // The same wrapping Data Protection gives the secrets of the keys it makes.
                var info = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(
                    EncryptedSecret,
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!),
                    info.EncryptedElement));
            }
            if (secrets.Count > 0)
            {
                row.Xml = key.ToString(SaveOptions.DisableFormatting);
                encrypted++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (encrypted > 0)
        {
            LogEncryptedPlaintextKeys(services.GetRequiredService<ILoggerFactory>().CreateLogger("Sharekeep.Security"), encrypted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} Data Protection keys were stored unencrypted by an earlier version; they are now encrypted with the key-encryption key. Copies of the database taken before now still hold them in plaintext.")]
    private static partial void LogEncryptedPlaintextKeys(ILogger logger, int count);
}
