using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// The nginx set-up that decision 24 documents, taken from the document itself, in front of the built server:
/// downloads come from nginx with every security header, nginx answers ranges, and its internal location cannot
/// be reached from outside.
/// </summary>
[Trait("Database", "sqlite")]
public sealed partial class NginxOffloadTests(NginxOffloadTests.Deployment deployment) : IClassFixture<NginxOffloadTests.Deployment>
{
    private const string Content = "0123456789 the file's bytes, sent by nginx";

    [NginxFact]
    public async Task Download_ThroughNginx_IsTheFileWithItsSecurityHeaders()
    {
        var key = await deployment.ShareAsync(Content, "page.html", "text/html");

        using var response = await deployment.Visitor.GetAsync(new Uri($"/s/{key}/content", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("X-Accel-Redirect"));
        // nginx's own entity tag (modification time and size, in hex), not Sharekeep's SHA-256: nginx sent it.
        Assert.Matches("^\"[0-9a-f]+-[0-9a-f]+\"$", response.Headers.ETag!.Tag);
    }

    [NginxFact]
    public async Task Range_ThroughNginx_IsAnsweredByNginx()
    {
        var key = await deployment.ShareAsync(Content, "notes.txt", "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{key}/content");
        request.Headers.Range = new RangeHeaderValue(2, 5);

        using var response = await deployment.Visitor.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("2345", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [NginxFact]
    public async Task RevokedLink_ThroughNginx_SendsNothingOfTheFile()
    {
        var (fileId, link) = await deployment.LinkAsync(Content);
        using var revoke = await deployment.Owner.Http.PutAsJsonAsync(
            $"/api/2.0/files/file/{fileId}/links", new { linkId = link.GetProperty("id").GetGuid(), access = FileShareAccess.None }, TestContext.Current.CancellationToken);
        revoke.EnsureSuccessStatusCode();

        using var response = await deployment.Visitor.GetAsync(new Uri($"/s/{link.GetProperty("requestToken").GetString()}/content", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("the file's bytes", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [NginxFact]
    public async Task InternalLocation_FromOutside_IsNotFound()
    {
        var (fileId, _) = await deployment.LinkAsync(Content);

        using var response = await deployment.Visitor.GetAsync(new Uri($"/_sharekeep_files/{fileId:N}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The built server with the offload on, and nginx in front of it configured as the decision says.</summary>
    public sealed partial class Deployment : IAsyncLifetime
    {
        private const string Secret = "nginx-secret-0123456789abcdef";
        private readonly string _data = TempDirectory.Create();
        private ServerProcess? _server;
        private NginxProcess? _nginx;

        public SharekeepClient Owner { get; private set; } = null!;

        public HttpClient Visitor { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            if (!Requirements.HasNginx)
            {
                return;
            }
            _server = await ServerProcess.StartAsync(_data, new Dictionary<string, string?>
            {
                ["Sharekeep__DataDirectory"] = _data,
                ["Sharekeep__ApiSecret"] = Secret,
                ["Sharekeep__Downloads__OffloadPrefix"] = "/_sharekeep_files/",
                ["Sharekeep__Proxy__KnownProxies__0"] = "127.0.0.1",
            });
            Owner = new SharekeepClient(_server.CreateClient(), Secret);
            var port = ServerProcess.FreePort();
            _nginx = await NginxProcess.StartAsync(DocumentedSetUp(_server.Address.Port, port, Path.Combine(_data, "files") + "/"), port);
            Visitor = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        }

        public async Task<string> ShareAsync(string content, string name, string contentType)
        {
            var (_, link) = await LinkAsync(content, name, contentType);
            return link.GetProperty("requestToken").GetString()!;
        }

        public async Task<(Guid FileId, System.Text.Json.JsonElement Link)> LinkAsync(string content, string name = "notes.txt", string contentType = "text/plain")
        {
            var fileId = await Owner.UploadFileAsync(name, content, contentType);
            return (fileId, await Owner.SetLinkAsync(fileId, new { title = "via nginx" }));
        }

        public async ValueTask DisposeAsync()
        {
            Visitor?.Dispose();
            Owner?.Dispose();
            if (_nginx is not null)
            {
                await _nginx.DisposeAsync();
            }
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
            TempDirectory.Delete(_data);
        }

        /// <summary>The decision's nginx block, with this machine's ports and folder in place of the example's.</summary>
        private static string DocumentedSetUp(int sharekeepPort, int nginxPort, string files)
        {
            var decision = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "decisions", "0024-downloads-handed-back-to-nginx.md"));
            var block = NginxBlock().Match(decision);
            Assert.True(block.Success, "Decision 24 has no ```nginx block.");
            return Replace(Replace(Replace(block.Groups[1].Value,
                "server 127.0.0.1:8080;", $"server 127.0.0.1:{sharekeepPort};"),
                "listen 443 ssl;", $"listen 127.0.0.1:{nginxPort};"),
                "/var/lib/sharekeep/files/", files);
        }

        private static string Replace(string text, string example, string actual)
        {
            Assert.Contains(example, text, StringComparison.Ordinal);
            return text.Replace(example, actual, StringComparison.Ordinal);
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Sharekeep.slnx")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException("The repository's root (Sharekeep.slnx) is not above the tests.");
        }

        [GeneratedRegex("```nginx\\n(.*?)```", RegexOptions.Singleline)]
        private static partial Regex NginxBlock();
    }
}
