using Microsoft.Extensions.Options;

namespace Sharekeep.Server.Hosting;

/// <summary>The data directory, made on first use, and the files Sharekeep keeps in it.</summary>
internal sealed class DataPaths
{
    public DataPaths(IOptions<SharekeepOptions> options, IOptions<FilesOptions> files)
    {
        Files = string.IsNullOrWhiteSpace(files.Value.Directory)
            ? Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "files")
            : Path.GetFullPath(files.Value.Directory);
        Root = Path.GetFullPath(options.Value.DataDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Root);
        }
        else
        {
            // The folder holds the database (share keys are credentials) and the API secret: owner only.
            Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Root { get; }

    public string Database => Path.Combine(Root, "sharekeep.db");

    public string ApiSecretFile => Path.Combine(Root, "api-secret");

    /// <summary>Uploaded files, one per id.</summary>
    public string Files { get; }
}
