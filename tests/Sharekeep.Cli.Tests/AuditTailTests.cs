using System.Text.Json;
using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>sharekeep audit tail: the last entries oldest first, and --follow until stopped.</summary>
public sealed class AuditTailTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Tail_WritesTheLastEntriesOldestFirst()
    {
        await server.RunAsync("sharing", "off");
        await server.RunAsync("sharing", "on");
        await server.RunAsync("external", "off");
        var newest = (await server.GetAsync("/api/v1/audit?limit=2")).EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();

        var result = await server.RunAsync("--json", "audit", "tail", "-n", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(newest.Order(), result.Json.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal("externalSharing", result.Json[1].GetProperty("setting").GetString());
        await server.RunAsync("external", "on");
    }

    [Fact]
    public async Task Follow_PrintsEntriesMadeAfterItStarted_OnceEach_AndEndsWith0WhenStopped()
    {
        // Repeating a switch is not audited: off then on makes sure the log has a last entry to start from.
        await server.RunAsync("sharing", "off");
        await server.RunAsync("sharing", "on");
        var output = new WatchedWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var following = Tool.RunAsync(server.Variables, ["--json", "audit", "tail", "-n", "1", "--follow", "--interval", "1"], output: output, stop: stop.Token);
        await output.HasLinesAsync(1, TimeSpan.FromSeconds(30));

        await server.RunAsync("sharing", "off");
        await output.HasLinesAsync(2, TimeSpan.FromSeconds(30));
        await server.RunAsync("sharing", "on");
        await output.HasLinesAsync(3, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var result = await following;

        Assert.True(result.ExitCode == 0, result.ToString());
        var entries = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(3, entries.Count);
        Assert.False(entries[1].GetProperty("newValue").GetBoolean());
        Assert.True(entries[2].GetProperty("newValue").GetBoolean());
        var ids = entries.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Order().Distinct(), ids);
    }
}
