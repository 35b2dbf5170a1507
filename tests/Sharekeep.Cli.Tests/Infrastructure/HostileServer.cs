using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sharekeep.Cli.Tests.Infrastructure;

/// <summary>
/// A server that is not what it seems, on 127.0.0.1: every request on every connection gets the answer
/// <c>answer</c> writes to the raw socket, then the connection is closed. For tests of what the command line does
/// with answers no Sharekeep server gives (escape sequences, endless bodies).
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, CancellationToken, Task> _answer;
    private readonly Task _serving;
    private long _written;

    public HostileServer(Func<Stream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Bytes of body the answers got onto the wire before the client hung up (what <see cref="WriteAsync"/> counted).</summary>
    public long Written => Interlocked.Read(ref _written);

    public Dictionary<string, string?> Variables => new(StringComparer.Ordinal)
    {
        ["SHAREKEEP_URL"] = Address.ToString(),
        ["SHAREKEEP_API_KEY"] = "any-secret",
    };

    /// <summary>An answer of status 200 with this JSON text, exactly as given.</summary>
    public static HostileServer Json(string json) => new(async (stream, ct) =>
    {
        var body = Encoding.UTF8.GetBytes(json);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), ct);
        await stream.WriteAsync(body, ct);
    });

    /// <summary>Writes part of a body and counts it.</summary>
    public async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken);
        Interlocked.Add(ref _written, bytes.Length);
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadHeadAsync(stream);
                await _answer(stream, _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up: what it did about that is what the test looks at.
            }
        }
    }

    /// <summary>Reads the request up to the blank line after its headers (the command line's requests are small).</summary>
    private async Task ReadHeadAsync(Stream stream)
    {
        var seen = new List<byte>();
        var buffer = new byte[1];
        while (seen.Count < 64 * 1024 && await stream.ReadAsync(buffer, _stop.Token) == 1)
        {
            seen.Add(buffer[0]);
            if (seen.Count >= 4 && seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n')
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
