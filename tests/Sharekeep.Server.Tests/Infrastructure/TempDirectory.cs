using Microsoft.Data.Sqlite;

namespace Sharekeep.Server.Tests.Infrastructure;

public static class TempDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "sharekeep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Removes the folder and, in the PostgreSQL pass, the database that went with it.</summary>
    public static void Delete(string path)
    {
        TestDatabase.Drop(path);
        // Pooled SQLite connections keep the file open; release them before removing the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a leftover temp folder must not fail a test.
        }
    }
}
