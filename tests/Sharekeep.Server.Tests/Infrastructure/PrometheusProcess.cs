using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Debian's Prometheus scraping one target every second with a bearer credential read from a file (as an operator
/// would give it a read key), its data in a temporary folder; killed by its PID when disposed.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    public const string Path = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private PrometheusProcess(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PrometheusProcess> StartAsync(Uri target, string credential)
    {
        var directory = TempDirectory.Create();
        var credentialFile = System.IO.Path.Combine(directory, "credential");
        await File.WriteAllTextAsync(credentialFile, credential);
        var config = System.IO.Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: sharekeep
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials_file: {credentialFile}
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        var port = ServerProcess.FreePort();
        var start = new ProcessStartInfo(Path) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.tsdb.path={System.IO.Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start.");
        var prometheus = new PrometheusProcess(process, directory, new Uri($"http://127.0.0.1:{port}"));
        process.ErrorDataReceived += (_, e) => prometheus.Append(e.Data);
        process.OutputDataReceived += (_, e) => prometheus.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await ListeningProcess.WaitAsync(process, "prometheus", port, () => Task.FromResult(prometheus.Output));
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
        return prometheus;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The instant vector <paramref name="query"/> through Prometheus's HTTP API, polled until it has a sample.</summary>
    public async Task<JsonElement> QueryUntilFoundAsync(string query, TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            // Prometheus listens before its storage is ready, and answers 503 until it is.
            using var response = await client.GetAsync(new Uri($"/api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0)
                {
                    return result;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Prometheus had no sample for {query} within {limit}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await ListeningProcess.StopAsync(_process);
        TempDirectory.Delete(_directory);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
