using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests.Infrastructure;

/// <summary>
/// The built server as its own process (the server suite's <see cref="ServerProcess"/>), one per test class, and
/// the command line run against it with the address and secret in its environment, as an operator would set them.
/// </summary>
public sealed class CliServer : IAsyncLifetime
{
    public const string Secret = "cli-test-secret-0123456789abcdef";

    private string _directory = "";
    private ServerProcess? _server;

    public Uri Address => _server!.Address;

    /// <summary>What a shell would hand the command line: the server's address and the secret.</summary>
    public Dictionary<string, string?> Variables => new(StringComparer.Ordinal)
    {
        ["SHAREKEEP_URL"] = Address.ToString(),
        ["SHAREKEEP_API_KEY"] = Secret,
    };

    public async ValueTask InitializeAsync()
    {
        _directory = TempDirectory.Create();
        _server = await ServerProcess.StartAsync(_directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = Secret,
            ["Sharekeep__DataDirectory"] = _directory,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        TempDirectory.Delete(_directory);
    }

    /// <summary>sharekeep with <paramref name="args"/>, in this process, with the server's address and secret.</summary>
    internal Task<CliResult> RunAsync(params string[] args) => Tool.RunAsync(Variables, args);

    /// <summary>The server's API called directly, to arrange a test and to check what the command line did.</summary>
    public HttpClient Api()
    {
        var client = _server!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return client;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var client = Api();
        return await client.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var client = Api();
        using var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public async Task PutAsync(string path, object body)
    {
        using var client = Api();
        using var response = await client.PutAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<Guid> CreateReportAsync(string name = "Quarterly sales") =>
        (await PostAsync("/api/v1/reports", new { name, data = new { columns = new[] { "quarter", "eur" }, rows = new[] { new object[] { "Q1", 1200 } } } }))
        .GetProperty("id").GetGuid();

    public async Task<Guid> UploadAsync(string name, string content)
    {
        using var client = Api();
        using var form = new MultipartFormDataContent { { new StringContent(content), "file", name } };
        using var response = await client.PostAsync(new Uri("/api/v1/files", UriKind.Relative), form, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Puts the link policy back to no rules, so a class's tests do not see each other's.</summary>
    public Task ClearLinkPolicyAsync() => PutAsync("/api/v1/link-policy", new
    {
        fileLinks = new { requirePassword = false, denyDownloadByDefault = false },
        shares = new { },
    });
}
