using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>One request the receiver got: its path, its headers (lower-cased names) and its body.</summary>
public sealed record ReceivedRequest(string Path, Dictionary<string, string> Headers, string Body)
{
    public string Id => Headers["webhook-id"];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A real HTTP receiver in its own process (tests/.../Webhooks/receiver.py) on 127.0.0.1: records what it is sent,
/// answers 500 to the first <c>fail</c> requests, and says over its own GET what it received.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly HttpClient _client;

    private WebhookReceiver(Process process, int port)
    {
        _process = process;
        Port = port;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Port { get; }

    /// <summary>Where a webhook reaches it (by address; <paramref name="host"/> "localhost" to go through name resolution).</summary>
    public string Url(string host = "127.0.0.1") => $"http://{host}:{Port}/hook";

    public static async Task<WebhookReceiver> StartAsync(int fail = 0, int? port = null)
    {
        var chosen = port ?? ServerProcess.FreePort();
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Webhooks", "receiver.py"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(chosen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--fail");
        start.ArgumentList.Add(fail.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        await ListeningProcess.WaitAsync(process, "The webhook receiver", chosen, () => process.StandardError.ReadToEndAsync());
        return new WebhookReceiver(process, chosen);
    }

    public async Task<IReadOnlyList<ReceivedRequest>> ReceivedAsync() =>
        await _client.GetFromJsonAsync<List<ReceivedRequest>>("/_received", JsonSerializerOptions.Web) ?? [];

    /// <summary>What it received once <paramref name="done"/> holds; throws after the deadline with what it had.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(Func<IReadOnlyList<ReceivedRequest>, bool> done)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var received = await ReceivedAsync();
            if (done(received))
            {
                return received;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver's requests never met the condition; it had {received.Count}: " + string.Join(" | ", received.Select(r => r.Body)));
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await ListeningProcess.StopAsync(_process);
    }
}
