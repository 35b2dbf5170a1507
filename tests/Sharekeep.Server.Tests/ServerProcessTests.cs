using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The built server, started as a process on real Kestrel, as the README tells an operator to.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task StartedWithSecretAndDataDirectory_AnswersHealthzAndTheSeedsCalls()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
        });
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/share/disable");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain("process-secret-0123456789", server.Output, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task StartedWithoutASecret_GeneratesOneIntoAnOwnerOnlyFileAndNeverLogsIt()
    {
        var directory = TempDirectory.Create();
        var secretFile = Path.Combine(directory, "api-secret");
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__DataDirectory"] = directory,
        });
        using var client = server.CreateClient();

        var secret = (await File.ReadAllTextAsync(secretFile, TestContext.Current.CancellationToken)).Trim();
        using var withoutSecret = await client.PostAsync(new Uri("/api/public/share/disable", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/share/disable");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var withSecret = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(secret.Length >= 32);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withSecret.StatusCode);
        Assert.Contains(secretFile, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, server.Output, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task StartedWithoutAKeyEncryptionKey_GeneratesOneIntoAnOwnerOnlyFile_AndLogsWhereButNeverTheKey()
    {
        var directory = TempDirectory.Create();
        var keyFile = Path.Combine(directory, "key-encryption-key");
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
        });

        var key = (await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken)).Trim();

        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(server.Output.Contains(keyFile, StringComparison.Ordinal))), "The log says where the key is.");
        Assert.DoesNotContain(key, server.Output, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task RestartedWithoutASecret_KeepsTheGeneratedOne()
    {
        var directory = TempDirectory.Create();
        var environment = new Dictionary<string, string?> { ["Sharekeep__DataDirectory"] = directory };
        await using (await ServerProcess.StartAsync(directory, environment))
        {
        }
        var first = await File.ReadAllTextAsync(Path.Combine(directory, "api-secret"), TestContext.Current.CancellationToken);

        await using var again = await ServerProcess.StartAsync(directory, environment);

        Assert.Equal(first, await File.ReadAllTextAsync(Path.Combine(directory, "api-secret"), TestContext.Current.CancellationToken));
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task ShareKeys_NeverAppearInTheLog_EvenWithInformationLoggingForEverything()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
        });
        using var admin = server.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");
        var ct = TestContext.Current.CancellationToken;
        using var created = await admin.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), JsonBody("{\"name\":\"r\",\"data\":1}"), ct);
        var reportId = (await created.Content.ReadAsStringAsync(ct)).Split('"')[3];
        using var shared = await admin.PostAsync(new Uri("/api/share/report", UriKind.Relative), JsonBody($"{{\"reportId\":\"{reportId}\"}}"), ct);
        var shareId = (await shared.Content.ReadAsStringAsync(ct)).Split('"')[3];
        using var visitor = server.CreateClient();

        using var evaluated = await visitor.GetAsync(new Uri($"/api/external/share/report/{shareId}/evaluate", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        // The process writes its log a moment after it answers: wait (bounded) for the evaluate request's lines.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            server.Output.Split("Executing endpoint").Length > 3)), "The log shows the requests at Information level.");
        Assert.DoesNotContain(shareId, server.Output, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task ChunkedBodyBeyondTheLimit_Returns413OnKestrel()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
            ["Sharekeep__MaxRequestBodyBytes"] = "4096",
        });
        using var client = server.CreateClient();
        var body = Encoding.UTF8.GetBytes("{\"name\":\"big\",\"data\":\"" + new string('x', 20_000) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            // A stream of unknown length is sent chunked, with no Content-Length to refuse up front.
            Content = new StreamContent(new UnknownLengthStream(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task ChunkedBodyOfExactlyTheLimit_IsReadOnKestrel_AndOneByteMoreIs413()
    {
        const int Limit = 4096;
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
            ["Sharekeep__MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = server.CreateClient();

        using var exact = await client.SendAsync(ChunkedReport(Limit), TestContext.Current.CancellationToken);
        using var over = await client.SendAsync(ChunkedReport(Limit + 1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, exact.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        TempDirectory.Delete(directory);

        // A report whose JSON is exactly `length` bytes, sent in small chunks (so that its framing is many bytes).
        static HttpRequestMessage ChunkedReport(int length)
        {
            const string Start = "{\"name\":\"chunked\",\"data\":\"";
            const string End = "\"}";
            var body = Encoding.UTF8.GetBytes(Start + new string('x', length - Start.Length - End.Length) + End);
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
            {
                Content = new StreamContent(new UnknownLengthStream(body), bufferSize: 64),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");
            return request;
        }
    }

    [Fact]
    public async Task AnUploadThatStopsArriving_IsAbandonedWith408_AndLeavesNoFileBehind()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
            ["Sharekeep__RequestBodyIdleSeconds"] = "1",
        });
        // A raw connection: HttpClient would not hand back an answer while its own body is still unsent.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n" + new string('x', 300_000);
        var head = "POST /api/v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer process-secret-0123456789\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + part), TestContext.Current.CancellationToken);

        // Then nothing more. The wait for the answer is bounded, should the server never give up; not a measure of speed.
        var answer = new byte[64];
        var read = await stream.ReadAsync(answer, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
        var files = Path.Combine(directory, "files");
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(!Directory.Exists(files) || Directory.GetFiles(files).Length == 0)));
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task AnUploadDribblingInSlowerThanTheMinimumRate_IsEndedWith408_AndNothingOfItIsKept()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
            ["Sharekeep__MinRequestBodyBytesPerSecond"] = "4096",
            // Never idle long enough to be abandoned for that: only the rate can end it.
            ["Sharekeep__RequestBodyIdleSeconds"] = "60",
        });
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var head = "POST /api/v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer process-secret-0123456789\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.bin\"\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        var answer = new byte[64];
        var reading = stream.ReadAsync(answer, TestContext.Current.CancellationToken).AsTask();

        // About 1 KB/s: faster than Kestrel's own floor (240 B/s), slower than the configured 4 KB/s. The pauses are
        // the slow client itself; the loop is bounded, should the server never end the upload.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var chunk = new byte[200];
        Array.Fill(chunk, (byte)'x');
        while (!reading.IsCompleted && DateTime.UtcNow < deadline)
        {
            try
            {
                await stream.WriteAsync(chunk, TestContext.Current.CancellationToken);
            }
            catch (IOException)
            {
                break;
            }
            await Task.WhenAny(reading, Task.Delay(200, TestContext.Current.CancellationToken));
        }
        var read = await reading.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
        var files = Path.Combine(directory, "files");
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(!Directory.Exists(files) || Directory.GetFiles(files).Length == 0)));
        using var admin = server.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");
        using var list = await admin.GetAsync(new Uri("/api/v1/files", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("slow.bin", await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task StartedFromAnotherFolder_TheServerStillReadsTheSettingsShippedBesideIt()
    {
        var directory = TempDirectory.Create();
        // appsettings.json keeps EF Core's command log at Warning; without the file every SQL command is logged.
        await using var server = await ServerProcess.StartAsync(
            directory,
            new Dictionary<string, string?> { ["Sharekeep__ApiSecret"] = "process-secret-0123456789", ["Sharekeep__DataDirectory"] = directory },
            workingDirectory: directory);
        using var admin = server.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");

        using var reports = await admin.GetAsync(new Uri("/api/v1/reports", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
        Assert.DoesNotContain("Executed DbCommand", server.Output, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task Seed002Calls_WithTheSeedsHeaders_EachAnswer200AndTheEnvelope()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
        });
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        (HttpMethod Method, string Path, string? Body, string Expected)[] steps =
        [
            (HttpMethod.Get, "/api/2.0/files/settings", null, "{\"externalShare\":true,\"externalShareSocialMedia\":false}"),
            (HttpMethod.Put, "/api/2.0/files/settings/external", "{\"displayValue\":true}", "true"),
            (HttpMethod.Put, "/api/2.0/files/settings/externalsocialmedia", "{\"displayValue\":true}", "true"),
            (HttpMethod.Post, "/api/2.0/files/share/KEY_FROM_URL/password", "{\"password\":\"Secret123!\"}", "\"status\":1"),
        ];

        foreach (var (method, path, body, expected) in steps)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonBody(body) };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var envelope = System.Text.Json.JsonDocument.Parse(text);
            Assert.Equal(EnvelopeStatus.Ok, envelope.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(StatusCodes.Status200OK, envelope.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Contains(expected, envelope.RootElement.GetProperty("response").GetRawText(), StringComparison.Ordinal);
        }
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task LargeUpload_IsStoredWhole_AndItsLinkServesRangesWithoutLoggingTheKey()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
        });
        using var admin = server.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");
        var ct = TestContext.Current.CancellationToken;
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(8 * 1024 * 1024);
        using var form = new MultipartFormDataContent { { new StreamContent(new UnknownLengthStream(bytes)), "file", "big.bin" } };

        using var uploaded = await admin.PostAsync(new Uri("/api/v1/files", UriKind.Relative), form, ct);
        using var file = System.Text.Json.JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync(ct));
        var fileId = file.RootElement.GetProperty("id").GetString();
        using var linked = await admin.PutAsync(new Uri($"/api/2.0/files/file/{fileId}/links", UriKind.Relative), JsonBody("{}"), ct);
        using var link = System.Text.Json.JsonDocument.Parse(await linked.Content.ReadAsStringAsync(ct));
        var key = link.RootElement.GetProperty("response").GetProperty("sharedTo").GetProperty("requestToken").GetString()!;
        using var visitor = server.CreateClient();
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/s/{key}/content");
        range.Headers.Range = new RangeHeaderValue(1_000_000, 1_000_009);
        using var part = await visitor.SendAsync(range, ct);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes.AsSpan(1_000_000, 10).ToArray(), await part.Content.ReadAsByteArrayAsync(ct));
        Assert.DoesNotContain(key, server.Output, StringComparison.Ordinal);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task ChunkedUploadBeyondTheFileLimit_Returns413AndKeepsNothing()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = "process-secret-0123456789",
            ["Sharekeep__DataDirectory"] = directory,
            ["Sharekeep__Files__MaxUploadBytes"] = "100000",
        });
        using var admin = server.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "process-secret-0123456789");
        using var form = new MultipartFormDataContent { { new StreamContent(new UnknownLengthStream(new byte[1_000_000])), "file", "big.bin" } };

        using var response = await admin.PostAsync(new Uri("/api/v1/files", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var files = Path.Combine(directory, "files");
        Assert.Empty(Directory.Exists(files) ? Directory.GetFiles(files) : []);
        TempDirectory.Delete(directory);
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
