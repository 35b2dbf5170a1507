using Microsoft.Extensions.Options;

namespace Sharekeep.Server.Hosting;

/// <summary>The data directory, made on first use, and the files Sharekeep keeps in it.</summary>
public sealed class DataPaths
{
    public DataPaths(IOptions<SharekeepOptions> options)
    {
        Root = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Database => Path.Combine(Root, "sharekeep.db");

    public string ApiSecretFile => Path.Combine(Root, "api-secret");
}
