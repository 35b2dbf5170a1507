using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>Short calls for the tests: each answers the status and the parsed JSON body (null when empty).</summary>
public sealed class SharekeepClient(HttpClient http, string? secret) : IDisposable
{
    public HttpClient Http { get; } = WithSecret(http, secret);

    public Task<Answer> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Answer> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public Task<Answer> PostAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<Answer> PostRawAsync(string path, string body, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Answer(response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone(), response.Headers, response.Content.Headers, text);
    }

    public async Task<Guid> CreateReportAsync(string name = "Quarterly sales", object? data = null)
    {
        var answer = await PostAsync("/api/v1/reports", new { name, data = data ?? new { rows = new[] { new[] { 1, 2 } } } });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Json!.Value.GetProperty("id").GetGuid();
    }

    public async Task<Guid> CreateDashboardAsync(params Guid[] reportIds)
    {
        var answer = await PostAsync("/api/v1/dashboards", new { name = "Overview", reportIds });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Json!.Value.GetProperty("id").GetGuid();
    }

    public async Task<string> ShareReportAsync(Guid reportId)
    {
        var answer = await PostAsync("/api/share/report", new { reportId });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json!.Value.GetProperty("id").GetString()!;
    }

    public async Task<string> ShareDashboardAsync(Guid dashboardId)
    {
        var answer = await PostAsync("/api/share/dashboard", new { dashboardId });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json!.Value.GetProperty("id").GetString()!;
    }

    public async Task DisableSharingAsync() => Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("/api/public/share/disable")).Status);

    public async Task EnableSharingAsync() => Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("/api/public/share/enable")).Status);

    public void Dispose() => Http.Dispose();

    private static HttpClient WithSecret(HttpClient http, string? secret)
    {
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        return http;
    }
}

public sealed record Answer(
    HttpStatusCode Status, JsonElement? Json, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Text)
{
    public JsonElement Body => Json ?? throw new InvalidOperationException("The answer has no body.");

    public string? ErrorCode => Body.TryGetProperty("errorCode", out var code) ? code.GetString() : null;
}
