using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sharekeep.Server.Tests.Contracts;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>Short calls for the tests: each answers the status and the parsed JSON body (null when empty).</summary>
public sealed class SharekeepClient(HttpClient http, string? secret) : IDisposable
{
    public HttpClient Http { get; } = WithSecret(http, secret);

    public Task<Answer> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Answer> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public Task<Answer> PostAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<Answer> PutAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<Answer> PutRawAsync(string path, string body, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = Raw(body, contentType) });

    public Task<Answer> PostRawAsync(string path, string body, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Raw(body, contentType) });

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : (JsonElement?)null;
        CheckPlatformContract(request, response, text);
        return new Answer(response.StatusCode, json, response.Headers, response.Content.Headers, text);
    }

    /// <summary>While <see cref="PlatformContract.Enforced"/>, an /api/2.0 answer that breaks the platform's description fails the test.</summary>
    private static void CheckPlatformContract(HttpRequestMessage request, HttpResponseMessage response, string text)
    {
        var uri = request.RequestUri!;
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
        if (!PlatformContract.Enforced || !path.StartsWith("/api/2.0/", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var violations = PlatformContract.Validate(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text);
        if (violations.Count > 0)
        {
            Assert.Fail($"{request.Method} {path} answered {(int)response.StatusCode}, which breaks the platform contract:\n  {string.Join("\n  ", violations)}");
        }
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

    public async Task<Answer> UploadAsync(string name, byte[] content, string contentType = "text/plain", string path = "/api/v1/files")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(part, "file", name);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form });
    }

    /// <summary>POST files/@my/upload on the document platform's API; answers the file's integer id.</summary>
    public async Task<int> UploadToPlatformAsync(string name = "notes.txt", string content = "hello, world", string contentType = "text/plain")
    {
        var answer = await UploadAsync(name, Encoding.UTF8.GetBytes(content), contentType, "/api/2.0/files/@my/upload");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("response").EnumerateArray().Single().GetProperty("id").GetInt32();
    }

    /// <summary>The integer id of a file on the document platform's API, as the native API shows it.</summary>
    public async Task<int> FileNumberAsync(Guid fileId) =>
        (await GetAsync($"/api/v1/files/{fileId}")).Body.GetProperty("number").GetInt32();

    public async Task<Guid> UploadFileAsync(string name = "notes.txt", string content = "hello, world", string contentType = "text/plain")
    {
        var answer = await UploadAsync(name, Encoding.UTF8.GetBytes(content), contentType);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body.GetProperty("id").GetGuid();
    }

    /// <summary>PUT files/file/{id}/links; answers the link object (sharedTo) of the envelope.</summary>
    public async Task<JsonElement> SetLinkAsync(Guid fileId, object body)
    {
        var answer = await PutAsync($"/api/2.0/files/file/{fileId}/links", body);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("response").GetProperty("sharedTo");
    }

    /// <summary>A new file with a new link; answers the link's key.</summary>
    public async Task<string> ShareFileAsync(object? linkBody = null, string name = "notes.txt", string content = "hello, world", string contentType = "text/plain")
    {
        var fileId = await UploadFileAsync(name, content, contentType);
        var link = await SetLinkAsync(fileId, linkBody ?? new { title = "for tests" });
        return link.GetProperty("requestToken").GetString()!;
    }

    public async Task SetExternalSharingAsync(bool enabled) =>
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("/api/2.0/files/settings/external", new { set = enabled })).Status);

    public async Task DisableSharingAsync() => Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("/api/public/share/disable")).Status);

    public async Task EnableSharingAsync() => Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("/api/public/share/enable")).Status);

    public void Dispose() => Http.Dispose();

    /// <summary>A body with exactly this content type, valid or not.</summary>
    private static StringContent Raw(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

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

    /// <summary>The document platform's "response" member.</summary>
    public JsonElement Response => Body.GetProperty("response");

    /// <summary>The document platform's error message.</summary>
    public string? PlatformError => Body.TryGetProperty("error", out var error) ? error.GetProperty("message").GetString() : null;

    /// <summary>The external-share status number of files/share/{key}.</summary>
    public int ShareStatus => Response.GetProperty("status").GetInt32();
}
