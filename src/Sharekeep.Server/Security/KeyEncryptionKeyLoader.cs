using Microsoft.Extensions.Options;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Security;

/// <summary>
/// Takes the configured key-encryption key or, when there is none, the one in the data directory, made on first
/// start. Like the API secret, it is never logged; only its <see cref="KeyEncryptionKey.Id"/> is.
/// </summary>
internal static partial class KeyEncryptionKeyLoader
{
    public const string Setting = "Sharekeep:KeyEncryptionKey";

    public static KeyEncryptionKey Load(IOptions<SharekeepOptions> options, DataPaths paths, bool sharedDatabase, ILogger logger)
    {
        var configured = options.Value.KeyEncryptionKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = KeyEncryptionKey.TryParse(configured)
                ?? throw new InvalidOperationException(
                    $"{Setting} must be the base64 of {KeyEncryptionKey.Size} random bytes (make one with `openssl rand -base64 {KeyEncryptionKey.Size}`); the configured value is not.");
            LogConfigured(logger, key.Id);
            return key;
        }

        var path = paths.KeyEncryptionKeyFile;
        var (stored, created) = GeneratedSecretFile.ReadOrCreate(path, () => KeyEncryptionKey.Generate().ToBase64());
        var fromFile = KeyEncryptionKey.TryParse(stored)
            ?? throw new InvalidOperationException(
                $"The key-encryption key file {path} does not hold the base64 of {KeyEncryptionKey.Size} bytes. Restore it from a backup, or set {Setting}; " +
                "deleting it has a new key made, and every unlock and console cookie issued so far stops working.");
        if (created)
        {
            LogGenerated(logger, path, fromFile.Id);
        }
        else
        {
            LogUsingFile(logger, path, fromFile.Id);
        }
        if (sharedDatabase)
        {
            // Instances that do not share this file would each make their own key, and refuse each other's cookies.
            LogSharedDatabaseWithoutSetting(logger, path);
        }
        return fromFile;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The Data Protection key ring is encrypted with the configured Sharekeep:KeyEncryptionKey (id {KeyId}).")]
    private static partial void LogConfigured(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Sharekeep:KeyEncryptionKey was configured: generated one (id {KeyId}) and stored it in {Path} (readable by this user only). The key ring in the database is encrypted with it: back it up with the data folder.")]
    private static partial void LogGenerated(ILogger logger, string path, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Sharekeep:KeyEncryptionKey was configured: the key ring is encrypted with the key stored in {Path} (id {KeyId}).")]
    private static partial void LogUsingFile(ILogger logger, string path, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Several instances may share this PostgreSQL database, but Sharekeep:KeyEncryptionKey is not set: every instance must use the same key, so either give each the same Sharekeep:KeyEncryptionKey or let them all share {Path}. Otherwise cookies issued by one instance are refused by the others.")]
    private static partial void LogSharedDatabaseWithoutSetting(ILogger logger, string path);
}
