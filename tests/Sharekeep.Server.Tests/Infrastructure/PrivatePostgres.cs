using System.Diagnostics;
using Npgsql;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb into a temporary folder, as scripts/postgres.sh does), which the
/// test may stop and start again: the shared server that other tests use is never touched.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Database = "sharekeep";

    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string directory, int port)
    {
        _directory = directory;
        _port = port;
    }

    private static string Bin => Directory.GetDirectories("/usr/lib/postgresql")
        .Select(version => Path.Combine(version, "bin"))
        .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
        .OrderBy(bin => int.Parse(Path.GetFileName(Path.GetDirectoryName(bin))!, System.Globalization.CultureInfo.InvariantCulture))
        .Last();

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>The database the application uses, on this cluster.</summary>
    public string ConnectionString => Connection(Database);

    /// <summary>Settings that point a <see cref="SharekeepApplication"/> at this cluster.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Sharekeep:Database:Provider"] = "postgres",
        ["ConnectionStrings:Sharekeep"] = ConnectionString,
    };

    public static async Task<PrivatePostgres> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("sharekeep-test-pg.").FullName;
        await RunAsync("chmod", "755", directory);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", directory);
        }
        var cluster = new PrivatePostgres(directory, ServerProcess.FreePort());
        await AsOwnerAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        await cluster.StartAgainAsync();
        await using var admin = new NpgsqlConnection(cluster.Connection("postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\"", admin);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    /// <summary>A fast shutdown, as a restart or a failover does it: every session is ended, new ones are refused.</summary>
    public Task StopAsync() => AsOwnerAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Returns once the server accepts connections again.</summary>
    public Task StartAgainAsync() => AsOwnerAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_directory} -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsOwnerAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }
        Directory.Delete(_directory, recursive: true);
    }

    private string Connection(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database }.ToString();

    /// <summary>PostgreSQL refuses to run as root: as root, its programs run as user postgres.</summary>
    private static Task AsOwnerAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, program), .. arguments])
            : RunAsync(Path.Combine(Bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

}
