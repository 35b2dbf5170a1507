using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The built server as an operator runs it: scraped by a real Prometheus, and writing JSON logs.</summary>
public sealed class OperatorTelemetryTests
{
    private const string Secret = "operator-secret-0123456789abcdef";

    private static Dictionary<string, string?> Settings(string directory, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = Secret,
            ["Sharekeep__DataDirectory"] = directory,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    [PrometheusFact]
    public async Task Prometheus_ScrapesSharekeepWithAReadKey_AndAnswersForItsMetrics()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, Settings(directory, ("Sharekeep__Metrics__Prometheus", "true")));
        using var admin = new SharekeepClient(server.CreateClient(), Secret);
        using var visitor = new SharekeepClient(server.CreateClient(), null);
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());
        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate");
        var key = await ApiKeys.CreateAsync(admin, "metrics");
        await using var prometheus = await PrometheusProcess.StartAsync(server.Address, key.Key);

        var found = await prometheus.QueryUntilFoundAsync("sharekeep_resolves_total{link_kind=\"report\",outcome=\"ok\"}", TimeSpan.FromSeconds(60));

        var sample = Assert.Single(found.EnumerateArray());
        Assert.Equal("sharekeep", sample.GetProperty("metric").GetProperty("job").GetString());
        Assert.Equal("1", sample.GetProperty("value")[1].GetString());
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task JsonLogs_AreOneObjectPerLine_WithTheRequestsTraceId_AndNoShareKey()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, Settings(directory, ("Logging__Console__FormatterName", "json")));
        using var admin = new SharekeepClient(server.CreateClient(), Secret);
        using var visitor = new SharekeepClient(server.CreateClient(), null);
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());
        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate");

        // A request that logs: the authentication handler reports the challenge it answers.
        var challenged = await visitor.GetAsync("/api/v1/policy");

        var traceId = await WaitForTraceIdOfChallengeAsync(server);
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, challenged.Status);
        Assert.DoesNotContain(share, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, server.Output, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    private static async Task<string> WaitForTraceIdOfChallengeAsync(ServerProcess server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var line in server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var entry = JsonDocument.Parse(line);
                if (entry.RootElement.GetProperty("Message").GetString()?.Contains("was challenged", StringComparison.Ordinal) == true)
                {
                    return entry.RootElement.GetProperty("Scopes").EnumerateArray()
                        .Select(scope => scope.TryGetProperty("TraceId", out var id) ? id.GetString() : null)
                        .Single(id => id is not null)!;
                }
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No challenge was logged:\n{server.Output}");
    }
}
