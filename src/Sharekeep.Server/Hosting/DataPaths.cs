using Microsoft.Extensions.Options;

namespace Sharekeep.Server.Hosting;

/// <summary>The data directory and the content folder, made (or made private) on first use, and the files Sharekeep keeps in them.</summary>
internal sealed partial class DataPaths
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Others =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public DataPaths(IOptions<SharekeepOptions> options, IOptions<FilesOptions> files, ILogger<DataPaths> logger)
    {
        Root = Path.GetFullPath(options.Value.DataDirectory);
        Files = string.IsNullOrWhiteSpace(files.Value.Directory) ? Path.Combine(Root, "files") : Path.GetFullPath(files.Value.Directory);
        // The data folder holds the database (share keys are credentials), the API secret and the key-encryption key,
        // the content folder what people uploaded: neither is anyone else's to read.
        MakePrivate(Root, "Sharekeep:DataDirectory", logger);
        MakePrivate(Files, "Sharekeep:Files:Directory", logger);
    }

    public string Root { get; }

    public string Database => Path.Combine(Root, "sharekeep.db");

    public string ApiSecretFile => Path.Combine(Root, "api-secret");

    /// <summary>The generated key that encrypts the key ring in the database; beside the database, never in it.</summary>
    public string KeyEncryptionKeyFile => Path.Combine(Root, "key-encryption-key");

    /// <summary>Uploaded files, one per id.</summary>
    public string Files { get; }

    /// <summary>Creates the folder owner-only, or takes the other users' rights from one that exists; refuses to start when it cannot.</summary>
    private static void MakePrivate(string directory, string setting, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        Directory.CreateDirectory(directory, OwnerOnly);
        var mode = File.GetUnixFileMode(directory);
        if ((mode & Others) == 0)
        {
            return;
        }
        try
        {
            File.SetUnixFileMode(directory, mode & ~Others);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new InvalidOperationException(
                $"The folder {directory} ({setting}) can be read by other users and could not be made private: {exception.Message} " +
                "Make it so (chmod 700) or choose another folder.",
                exception);
        }
        LogTightened(logger, directory);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The folder {Directory} could be read by other users; it is now its owner's only.")]
    private static partial void LogTightened(ILogger logger, string directory);
}
