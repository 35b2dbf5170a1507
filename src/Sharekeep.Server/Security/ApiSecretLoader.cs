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
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static ApiSecret Load(IOptions<SharekeepOptions> options, DataPaths paths, ILogger logger)
    {
        var configured = options.Value.ApiSecret;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (configured.Trim().Length < MinimumRecommendedLength)
            {
                LogShortSecret(logger, MinimumRecommendedLength);
            }
            return new ApiSecret(configured.Trim());
        }

        var path = paths.ApiSecretFile;
        if (TryCreate(path, out var generated))
        {
            LogGenerated(logger, path);
            return new ApiSecret(generated);
        }
        var stored = File.ReadAllText(path).Trim();
        if (stored.Length == 0)
        {
            throw new InvalidOperationException($"The API secret file {path} is empty. Delete it to have a new secret made, or set Sharekeep:ApiSecret.");
        }
        LogUsingFile(logger, path);
        return new ApiSecret(stored);
    }

    private static bool TryCreate(string path, out string secret)
    {
        secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = OwnerOnly;
        }
        try
        {
            using var writer = new StreamWriter(path, fileOptions);
            writer.WriteLine(secret);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there: made by an earlier start, or by another instance starting at the same moment.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Sharekeep:ApiSecret was configured: generated one and stored it in {Path} (readable by this user only). Send it as 'Authorization: Bearer <secret>'.")]
    private static partial void LogGenerated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Sharekeep:ApiSecret was configured: using the secret stored in {Path}.")]
    private static partial void LogUsingFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured Sharekeep:ApiSecret is shorter than {Length} characters; a longer random secret is safer.")]
    private static partial void LogShortSecret(ILogger logger, int length);
}
