using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sharekeep.Storage;
using Sharekeep.Storage.Postgres;
using Sharekeep.Storage.Sqlite;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on. SQLite unless SHAREKEEP_TEST_PROVIDER is "postgres"; then each data folder
/// gets its own database on the server named by SHAREKEEP_TEST_POSTGRES (scripts/test.sh starts a private one).
/// A new database starts as a copy of one migrated once per test process (SQLite: its file copied into an empty
/// data folder; PostgreSQL: CREATE DATABASE … TEMPLATE), so that a server's start finds no migration pending;
/// upgrade tests (OlderDatabase) and tests that put their own file in first still migrate.
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

    private const string SqliteFile = "sharekeep.db";

    private static readonly Lazy<string> MigratedTemplate = new(MakeTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Configuration keys (as in appsettings) that point a server at the database of <paramref name="dataDirectory"/>;
    /// a database made here is already migrated unless <paramref name="migrated"/> is false.
    /// </summary>
    public static Dictionary<string, string?> Settings(string dataDirectory, bool migrated = true)
    {
        if (!IsPostgres)
        {
            if (migrated)
            {
                CopyTemplateInto(dataDirectory);
            }
            return [];
        }
        return new Dictionary<string, string?>
        {
            ["Sharekeep:Database:Provider"] = "postgres",
            ["ConnectionStrings:Sharekeep"] = EnsureDatabase(NameFor(dataDirectory), migrated),
        };
    }

    /// <summary>The same settings as environment variables, for a server started as a process.</summary>
    public static Dictionary<string, string?> EnvironmentFor(string dataDirectory) =>
        Settings(dataDirectory).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>Makes a fresh database (or keeps the one a restarted server already uses) and returns its connection string.</summary>
    public static string EnsureDatabase(string name, bool migrated = true)
    {
        var template = migrated ? MigratedTemplate.Value : null;
        using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            admin.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand(
                    template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", admin);
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

    /// <summary>
    /// A SQLite file only into an existing folder that has none (a restarted server keeps its records; a folder a
    /// test prepared, or one the server is to create, is left as it is). Nothing holds the template open, so its
    /// files (with any write-ahead log) are a consistent copy.
    /// </summary>
    private static void CopyTemplateInto(string dataDirectory)
    {
        var target = Path.Combine(dataDirectory, SqliteFile);
        if (!Directory.Exists(dataDirectory) || Directory.EnumerateFileSystemEntries(dataDirectory, SqliteFile + "*").Any())
        {
            return;
        }
        foreach (var file in Directory.GetFiles(MigratedTemplate.Value, SqliteFile + "*"))
        {
            File.Copy(file, target + Path.GetFileName(file)[SqliteFile.Length..]);
        }
    }

    /// <summary>
    /// Migrates one database as a server's start would (the provider's steps included) and returns the folder holding
    /// it (SQLite) or its name (PostgreSQL), closed, for copies. Left for the process's end: the folder is a temporary
    /// one, and the PostgreSQL pass runs on a private server.
    /// </summary>
    private static string MakeTemplate()
    {
        var services = new ServiceCollection().AddLogging();
        string template;
        if (IsPostgres)
        {
            template = $"sk_template_{System.Environment.ProcessId}";
            var connection = EnsureDatabase(template, migrated: false);
            services.AddSharekeepPostgres(_ => connection);
            Initialize(services);
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connection));
        }
        else
        {
            template = TempDirectory.Create();
            var file = Path.Combine(template, SqliteFile);
            services.AddSharekeepSqlite(_ => file);
            Initialize(services);
            SqliteConnection.ClearAllPools();
        }
        return template;
    }

    private static void Initialize(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        provider.InitializeSharekeepStorageAsync().GetAwaiter().GetResult();
    }

    /// <summary>One database per data folder, so that a server restarted over the folder finds its records again.</summary>
    public static string NameFor(string dataDirectory) =>
        "sk_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];
}
