namespace Sharekeep.Server.Security;

/// <summary>
/// A secret Sharekeep makes for itself on first start and keeps in the data directory, readable by its owner only.
/// </summary>
internal static class GeneratedSecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The secret stored at <paramref name="path"/> or, when there is none yet, <paramref name="generate"/>'s, stored
    /// there first. The file appears whole or not at all: it is written under a name of its own and then linked into
    /// place, so an instance starting at the same moment never reads it half written, and only one secret wins.
    /// </summary>
    public static (string Secret, bool Created) ReadOrCreate(string path, Func<string> generate)
    {
        if (File.Exists(path))
        {
            return (File.ReadAllText(path).Trim(), false);
        }
        var secret = generate();
        var draft = $"{path}.{Guid.NewGuid():N}.new";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        using (var writer = new StreamWriter(draft, options))
        {
            writer.WriteLine(secret);
        }
        try
        {
            File.Move(draft, path, overwrite: false);
            return (secret, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance starting at the same moment got there first: its secret is the one.
            File.Delete(draft);
            return (File.ReadAllText(path).Trim(), false);
        }
    }
}
