using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on. SQLite unless SHAREKEEP_TEST_PROVIDER is "postgres"; then each data folder
/// gets its own database on the server named by SHAREKEEP_TEST_POSTGRES (scripts/test.sh starts a private one).
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "SHAREKEEP_TEST_PROVIDER";
    public const string PostgresVariable = "SHAREKEEP_TEST_POSTGRES";

    /// <summary>Tests that look at SQLite's file carry this trait; the PostgreSQL pass leaves them out.</summary>
    public const string SqliteOnly = "sqlite";

    public static bool IsPostgres =>
        string.Equals(System.Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string for administration (creating and dropping databases).</summary>
    public static string AdminConnectionString =>
        System.Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{PostgresVariable} is not set; run the suite with ./scripts/test.sh, which starts PostgreSQL.");

    /// <summary>Configuration keys (as in appsettings) that point a server at the database of <paramref name="dataDirectory"/>.</summary>
    public static Dictionary<string, string?> Settings(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return [];
        }
        return new Dictionary<string, string?>
        {
            ["Sharekeep:Database:Provider"] = "postgres",
            ["ConnectionStrings:Sharekeep"] = EnsureDatabase(NameFor(dataDirectory)),
        };
    }

    /// <summary>The same settings as environment variables, for a server started as a process.</summary>
    public static Dictionary<string, string?> EnvironmentFor(string dataDirectory) =>
        Settings(dataDirectory).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>Makes a fresh database (or keeps the one a restarted server already uses) and returns its connection string.</summary>
    public static string EnsureDatabase(string name)
    {
        using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            admin.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                create.ExecuteNonQuery();
            }
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    public static void Drop(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return;
        }
        var name = NameFor(dataDirectory);
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(AdminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    /// <summary>One database per data folder, so that a server restarted over the folder finds its records again.</summary>
    public static string NameFor(string dataDirectory) =>
        "sk_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];
}
