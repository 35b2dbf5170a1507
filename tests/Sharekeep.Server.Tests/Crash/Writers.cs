using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Sharekeep.Server.Tests.Crash;

/// <summary>
/// Clients that write as fast as the server answers until it dies under them, putting every 2xx answer in the
/// ledger. A write whose answer never came may or may not have happened; nothing is expected of it.
/// </summary>
internal sealed class Writers(AcknowledgedWrites ledger, Uri server, string secret, int seed)
{
    /// <summary>Bounds each writer's loop; a cycle ends long before, when the server is killed.</summary>
    private const int MaxWrites = 100_000;

    private readonly List<string> _serverErrors = [];

    /// <summary>5xx answers seen while writing (a kill breaks connections; it never makes a 5xx).</summary>
    public IReadOnlyList<string> ServerErrors
    {
        get
        {
            lock (_serverErrors)
            {
                return [.. _serverErrors];
            }
        }
    }

    public Task[] Start(PolicySwitches policy, CancellationToken stop) =>
    [
        RunAsync(ReportsAsync, 1, stop),
        RunAsync(ReportsAsync, 2, stop),
        RunAsync(FilesAsync, 3, stop),
        RunAsync((client, _, token) => policy.SwitchAsync(this, client, token), 4, stop),
    ];

    /// <summary>A report; then it is shared, or deleted, or left as it is.</summary>
    private async Task ReportsAsync(HttpClient client, Random random, CancellationToken stop)
    {
        for (var i = 0; i < MaxWrites && !stop.IsCancellationRequested; i++)
        {
            var name = $"report {Guid.NewGuid():N}";
            var data = JsonSerializer.Serialize(new { n = i, rows = new[] { new[] { random.Next(), random.Next() } } });
            using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/reports", JsonContent.Create(new { name, data = JsonDocument.Parse(data).RootElement }), stop);
            if (created is null)
            {
                return;
            }
            if (created.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetGuid();
            var report = new ReportCreated(id, name, data);
            ledger.Add(report);
            switch (random.Next(3))
            {
                case 0:
                    using (var shared = await SendAsync(client, HttpMethod.Post, "/api/share/report", JsonContent.Create(new { reportId = id }), stop))
                    {
                        if (shared is { StatusCode: HttpStatusCode.OK })
                        {
                            ledger.Add(new ReportShared(id, (await shared.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetString()!));
                        }
                    }
                    break;
                case 1:
                    report.Withdrawn = true;
                    using (var deleted = await SendAsync(client, HttpMethod.Delete, $"/api/v1/reports/{id}", null, stop))
                    {
                        if (deleted is { StatusCode: HttpStatusCode.NoContent })
                        {
                            ledger.Add(new ReportDeleted(id));
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>An upload of random bytes, then a link to it.</summary>
    private async Task FilesAsync(HttpClient client, Random random, CancellationToken stop)
    {
        for (var i = 0; i < MaxWrites && !stop.IsCancellationRequested; i++)
        {
            var content = new byte[random.Next(1, 256 * 1024)];
            random.NextBytes(content);
            var form = new MultipartFormDataContent { { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", $"f{i}.bin" } };
            using var uploaded = await SendAsync(client, HttpMethod.Post, "/api/v1/files", form, stop);
            if (uploaded is null)
            {
                return;
            }
            if (uploaded.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }
            var fileId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetGuid();
            ledger.Add(new FileUploaded(fileId, SHA256.HashData(content)));
            var title = $"link {i}";
            using var linked = await SendAsync(client, HttpMethod.Put, $"/api/2.0/files/file/{fileId}/links", JsonContent.Create(new { title }), stop);
            if (linked is { StatusCode: HttpStatusCode.OK })
            {
                var link = (await linked.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("response").GetProperty("sharedTo");
                ledger.Add(new FileLinked(fileId, link.GetProperty("id").GetGuid(), title, link.GetProperty("requestToken").GetString()!));
            }
        }
    }

    /// <summary>
    /// The answer; null once the server is gone (the connection broke, or the cycle is over), after which the writer
    /// stops: what it sent last is the one write left unanswered.
    /// </summary>
    internal async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        ledger.Sending();
        try
        {
            var response = await client.SendAsync(request, stop);
            if ((int)response.StatusCode >= 500)
            {
                var error = $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}";
                lock (_serverErrors)
                {
                    _serverErrors.Add(error);
                }
            }
            return response;
        }
        catch (Exception gone) when (gone is HttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
        finally
        {
            ledger.Answered();
        }
    }

    private async Task RunAsync(Func<HttpClient, Random, CancellationToken, Task> write, int writer, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        try
        {
            await write(client, new Random(seed + writer), stop);
        }
        catch (Exception gone) when (gone is HttpRequestException or IOException or OperationCanceledException)
        {
            // Reading an answer's body when the server died after its headers.
        }
    }
}
