using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Security;

/// <summary>
/// Takes the configured secret or, when there is none, the one in the data directory, made on first start.
/// The server never runs with an open admin API, and never logs the secret itself.
/// </summary>
internal static partial class ApiSecretLoader
{
    private const int MinimumRecommendedLength = 16;

    public static ApiSecret Load(IOptions<SharekeepOptions> options, DataPaths paths, ILogger logger)
    {
        var configured = options.Value.ApiSecret;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A credential of that shape is looked up as an API key and never compared with the secret.
            if (Core.Credentials.ApiKeyFormat.LooksLikeKey(configured.Trim()))
            {
                throw new InvalidOperationException(
                    $"Sharekeep:ApiSecret has the shape of an API key ({Core.Credentials.ApiKeyFormat.Prefix}...), which would never be accepted as the secret; choose another.");
            }
            if (configured.Trim().Length < MinimumRecommendedLength)
            {
                LogShortSecret(logger, MinimumRecommendedLength);
            }
            return new ApiSecret(configured.Trim());
        }

        var path = paths.ApiSecretFile;
        var (stored, created) = GeneratedSecretFile.ReadOrCreate(path, () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        if (created)
        {
            LogGenerated(logger, path);
            return new ApiSecret(stored);
        }
        if (stored.Length == 0)
        {
            throw new InvalidOperationException($"The API secret file {path} is empty. Delete it to have a new secret made, or set Sharekeep:ApiSecret.");
        }
        LogUsingFile(logger, path);
        return new ApiSecret(stored);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Sharekeep:ApiSecret was configured: generated one and stored it in {Path} (readable by this user only). Send it as 'Authorization: Bearer <secret>'.")]
    private static partial void LogGenerated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Sharekeep:ApiSecret was configured: using the secret stored in {Path}.")]
    private static partial void LogUsingFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured Sharekeep:ApiSecret is shorter than {Length} characters; a longer random secret is safer.")]
    private static partial void LogShortSecret(ILogger logger, int length);
}
