using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharekeep.Cli.Api;

/// <summary>
/// The server's HTTP API as the commands use it: JSON in, JSON out, and every failure turned into the exit code
/// that names it (<see cref="ExitCodes"/>) with the server's own words.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    /// <summary>
    /// More than any answer of a Sharekeep server (a page of 1 000 links or audit entries is a few MiB): past it, the
    /// answer is not read on, so a server that sends without end costs this much memory and no more.
    /// </summary>
    internal const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;

    public ApiClient(Credentials credentials)
    {
        // No overall timeout: a bulk action over many links answers once, when it is done; Ctrl-C ends the wait.
        // Only connecting is bounded, so an address where nothing answers fails quickly.
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        _http = new HttpClient(handler) { BaseAddress = credentials.Server, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Secret);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Server = credentials.Server;
    }

    public Uri Server { get; }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken)
        ?? throw new CliFailure(ExitCodes.Unavailable, $"The server answered GET {path} with no body.");

    /// <summary>A JSON request; the answer's JSON, or null when it has no body (204).</summary>
    public Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return SendAsync(request, cancellationToken);
    }

    /// <summary>/healthz's status and words, whatever they are: status reports an unhealthy server, it does not fail on one.</summary>
    public async Task<(HttpStatusCode Status, string Text)> GetHealthAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
        using var response = await ReachAsync(request, cancellationToken);
        return (response.StatusCode, (await ReadAsync(request, response, cancellationToken)).Trim());
    }

    public async Task<JsonElement?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await ReachAsync(request, cancellationToken))
        {
            var text = await ReadAsync(request, response, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Refusal(request, response, text);
            }
            if (text.Length == 0)
            {
                return null;
            }
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new CliFailure(ExitCodes.Unavailable, $"The server's answer to {request.Method} {request.RequestUri} is not JSON: is {Server} a Sharekeep server?");
            }
        }
    }

    private async Task<HttpResponseMessage> ReachAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new CliFailure(ExitCodes.Unavailable, $"Could not reach {Server}: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Unavailable, $"Could not reach {Server}: connecting timed out.");
        }
    }

    /// <summary>The answer's text, read up to <see cref="MaxAnswerBytes"/>.</summary>
    private async Task<string> ReadAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var tooLarge = new CliFailure(
            ExitCodes.Unavailable, $"The server's answer to {request.Method} {request.RequestUri} is larger than {MaxAnswerBytes / (1024 * 1024)} MiB: is {Server} a Sharekeep server?");
        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw tooLarge;
        }
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var read = new MemoryStream();
            var buffer = new byte[81920];
            int count;
            while ((count = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (read.Length + count > MaxAnswerBytes)
                {
                    throw tooLarge;
                }
                read.Write(buffer, 0, count);
            }
            return Encoding.UTF8.GetString(read.GetBuffer(), 0, (int)read.Length);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new CliFailure(ExitCodes.Unavailable, $"The server's answer to {request.Method} {request.RequestUri} broke off: {exception.Message}");
        }
    }

    private static CliFailure Refusal(HttpRequestMessage request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var code = status switch
        {
            401 or 403 => ExitCodes.Credentials,
            429 or >= 500 => ExitCodes.Unavailable,
            _ => ExitCodes.Refused,
        };
        var words = ProblemText.Of(body) ?? "no explanation was given.";
        var retry = response.Headers.RetryAfter?.Delta is { } delta ? $" (try again in {delta.TotalSeconds:0} s)" : "";
        return new CliFailure(code, $"{request.Method} {request.RequestUri}: {status} {words}{retry}");
    }

    public void Dispose() => _http.Dispose();
}
