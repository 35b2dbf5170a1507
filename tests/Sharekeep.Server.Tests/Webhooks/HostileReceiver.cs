using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>
/// A receiver that misbehaves on purpose, in process on 127.0.0.1: it reads each request's head and body, then lets
/// <c>answer</c> write whatever it likes (or nothing) on the raw connection. Counts the connections it accepted.
/// </summary>
public sealed class HostileReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Socket, NetworkStream, CancellationToken, Task> _answer;
    private readonly Task _accepting;
    private int _connections;

    private HostileReceiver(Func<Socket, NetworkStream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Connections => Volatile.Read(ref _connections);

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    public static HostileReceiver Start(Func<Socket, NetworkStream, CancellationToken, Task> answer) => new(answer);

    /// <summary>Answers with these bytes, then closes.</summary>
    public static HostileReceiver Answering(string raw) => Start(async (_, stream, ct) => await WriteAsync(stream, raw, ct));

    public static async Task WriteAsync(NetworkStream stream, string text, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    /// <summary>Writes <paramref name="text"/> a byte at a time, every 100 ms, until the sender hangs up (at most 10 minutes).</summary>
    public static async Task TrickleAsync(NetworkStream stream, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        for (var i = 0; i < 6000; i++)
        {
            await stream.WriteAsync(bytes.AsMemory(i % bytes.Length, 1), cancellationToken);
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task AcceptAsync()
    {
        var handlers = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                handlers.Add(HandleAsync(socket));
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        await Task.WhenAll(handlers);
    }

    private async Task HandleAsync(Socket socket)
    {
        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            try
            {
                await ReadRequestAsync(stream, _stop.Token);
                await _answer(socket, stream, _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The sender hung up, as it should when an answer takes too long.
            }
        }
    }

    /// <summary>The request's head up to its blank line, then as many bytes as its Content-Length says.</summary>
    private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 65536)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return;
            }
            head.Append((char)one[0]);
        }
        var length = head.ToString().Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
