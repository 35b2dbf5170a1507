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
        using var response = await ReachAsync(new HttpRequestMessage(HttpMethod.Get, "healthz"), cancellationToken);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync(cancellationToken)).Trim());
    }

    public async Task<JsonElement?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await ReachAsync(request, cancellationToken))
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
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
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
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
