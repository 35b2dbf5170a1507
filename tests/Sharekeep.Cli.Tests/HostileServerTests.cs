using System.Text;
using System.Text.Json;
using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>
/// A server that is not what it seems (a wrong --url, a machine in the middle): what it sends is shown, never
/// obeyed by the terminal, and the command line reads no more of it than any Sharekeep answer can be.
/// </summary>
public sealed class HostileServerTests
{
    [Fact]
    public async Task List_ACursorWithAnEscapeSequence_IsShownAsTextOnStandardError()
    {
        await using var server = HostileServer.Json("""{"links":[],"nextCursor":"\u001b]8;;http://evil\u0007click\u001b[2J"}""");

        var result = await Tool.RunAsync(server.Variables, ["links", "list"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("More links follow", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.DoesNotContain('\u0007', result.Error);
    }

    [Fact]
    public async Task FollowJson_AnEntryWithRawControlCharactersAndLineBreaks_IsWrittenAsOneEscapedLine()
    {
        // JSON lets a string hold C1 controls (U+009B is a terminal's CSI) and a direction override unescaped, and
        // lets line breaks stand between tokens: written as received, the entry would span lines and drive the terminal.
        await using var server = HostileServer.Json(
            "[{\"id\":1,\r\n\"at\":\"2026-12-01T00:00:00Z\",\"action\":\"share.created\u009b2J\",\"actor\":\"key:\u202eevil\",\"records\":[],\"details\":null}]");
        var output = new WatchedWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var following = Tool.RunAsync(server.Variables, ["--json", "audit", "tail", "--follow", "--interval", "1"], output: output, stop: stop.Token);
        await output.HasLinesAsync(1, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var result = await following;

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(line, c => char.IsControl(c) || c == '\u202e');
        Assert.Equal("share.created\u009b2J", JsonDocument.Parse(line).RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public async Task AnEndlessAnswer_IsRefusedOnceItPassesTheLargestAnswerASharekeepServerGives()
    {
        const long Offered = 128L * 1024 * 1024;
        HostileServer? endless = null;
        endless = new HostileServer(async (stream, ct) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), ct);
            var spaces = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            var chunk = Encoding.ASCII.GetBytes($"{spaces.Length:x}\r\n").Concat(spaces).Concat("\r\n"u8.ToArray()).ToArray();
            for (long sent = 0; sent < Offered; sent += spaces.Length)
            {
                await endless!.WriteAsync(stream, chunk, ct);
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
        });
        await using var server = endless;

        var result = await Tool.RunAsync(server.Variables, ["links", "list"]);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("larger than", result.Error, StringComparison.Ordinal);
        Assert.True(server.Written < Offered / 2, $"the command line read {server.Written} bytes of an answer no server gives");
    }
}
