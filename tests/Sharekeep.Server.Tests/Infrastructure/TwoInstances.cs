using System.Net;
using Npgsql;
using Sharekeep.Storage.Postgres;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Two server processes on one PostgreSQL database and one folder of uploaded content, as behind a load
/// balancer. Only for the PostgreSQL pass.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public const string Secret = "scale-out-secret-0123456789";

    private readonly string _directory;

    private TwoInstances(string directory, ServerProcess first, ServerProcess second)
    {
        _directory = directory;
        First = first;
        Second = second;
    }

    public ServerProcess First { get; }

    public ServerProcess Second { get; }

    /// <param name="settings">Further environment for both, e.g. <c>Sharekeep__Activity__FlushSeconds</c>.</param>
    public static async Task<TwoInstances> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Assert.SkipUnless(Requirements.HasPostgres, Requirements.NoPostgres);
        var directory = TempDirectory.Create();
        // As the README says: every instance is given the same secret and the same key-encryption key.
        var environment = new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = Secret,
            ["Sharekeep__KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Sharekeep__DataDirectory"] = directory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        var first = await ServerProcess.StartAsync(directory, environment);
        var second = await ServerProcess.StartAsync(directory, environment);
        return new TwoInstances(directory, first, second);
    }

    public static SharekeepClient Admin(ServerProcess server) => new(server.CreateClient(), Secret);

    public static SharekeepClient Visitor(ServerProcess server) => new(server.CreateClient(), null);

    /// <summary>A browser whose cookies go to both instances, as behind a load balancer (cookies do not depend on the port).</summary>
    public static SharekeepClient Browser(ServerProcess server, CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.Address }, null);

    /// <summary>Ends every change listener's session from the database side, as a failover or a network cut would.</summary>
    public Task<int> TerminateListenersAsync() => CountListenersAsync("count(pg_terminate_backend(pid))");

    public Task<int> CountListenersAsync() => CountListenersAsync("count(*)");

    /// <summary>Runs <paramref name="aggregate"/> over the listeners' sessions on the instances' database.</summary>
    private async Task<int> CountListenersAsync(string aggregate)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT {aggregate} FROM pg_stat_activity WHERE datname = @db AND application_name = @listener",
            connection);
        command.Parameters.AddWithValue("db", TestDatabase.NameFor(_directory));
        command.Parameters.AddWithValue("listener", PostgresChangeListener.ApplicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        TempDirectory.Delete(_directory);
    }
}

public static class Eventually
{
    /// <summary>
    /// Polls until <paramref name="condition"/> holds; false if it never does within <paramref name="limit"/>.
    /// A correctness bound (the change must arrive), not a speed measurement: bench/ measures how fast.
    /// </summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return await condition();
    }
}
