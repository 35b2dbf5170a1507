using System.Net;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Behind nginx, a download Sharekeep has allowed is handed to nginx (X-Accel-Redirect) to send with sendfile; only
/// when configured and announced by the request, and never before every check a download passes.
/// </summary>
public sealed class DownloadOffloadTests
{
    private const string Prefix = "/_sharekeep_files/";
    private const string Nginx = "10.0.0.5";

    private static SharekeepApplication Offloading() => new(
        settings: new Dictionary<string, string?>
        {
            ["Sharekeep:Downloads:OffloadPrefix"] = Prefix,
            ["Sharekeep:Proxy:KnownProxies:0"] = Nginx,
        },
        services: TestPeerAddress.AddTo);

    private static Task<Answer> ThroughNginxAsync(SharekeepClient client, string path, string peer = Nginx)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Sendfile-Type", "X-Accel-Redirect");
        request.Headers.Add(TestPeerAddress.Header, peer);
        return client.SendAsync(request);
    }

    private static string? Target(Answer answer) =>
        answer.Headers.TryGetValues("X-Accel-Redirect", out var values) ? values.Single() : null;

    [Fact]
    public async Task Download_ThroughNginx_IsHandedToItsInternalLocation_WithTheTypeNameAndSecurityHeaders()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync("page.html", "<script>alert(1)</script>", "text/html");
        var key = (await admin.SetLinkAsync(fileId, new { title = "x" })).GetProperty("requestToken").GetString();

        var answer = await ThroughNginxAsync(visitor, $"/s/{key}/content");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(Prefix + fileId.ToString("N"), Target(answer));
        Assert.Equal("", answer.Text);
        Assert.Equal("text/html", answer.ContentHeaders.ContentType!.MediaType);
        Assert.Equal("attachment", answer.ContentHeaders.ContentDisposition!.DispositionType);
        Assert.Equal("page.html", answer.ContentHeaders.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", answer.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", answer.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task InlinePreview_ThroughNginx_KeepsItsInlineDispositionAndPreviewType()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(name: "notes.txt", content: "plain words");

        var answer = await ThroughNginxAsync(visitor, $"/s/{key}/content?disposition=inline");

        Assert.NotNull(Target(answer));
        Assert.Equal("inline", answer.ContentHeaders.ContentDisposition!.DispositionType);
        Assert.Equal("text/plain; charset=utf-8", answer.ContentHeaders.ContentType!.ToString());
    }

    [Fact]
    public async Task Download_NotThroughNginx_IsSentByTheServerItself()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(content: "the bytes");

        var answer = await visitor.GetAsync($"/s/{key}/content");

        Assert.Null(Target(answer));
        Assert.Equal("the bytes", answer.Text);
    }

    [Fact]
    public async Task Announcement_FromAClientThatIsNoConfiguredProxy_IsIgnored()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(content: "the bytes");

        var answer = await ThroughNginxAsync(visitor, $"/s/{key}/content", peer: "203.0.113.7");

        Assert.Null(Target(answer));
        Assert.Equal("the bytes", answer.Text);
    }

    [Fact]
    public async Task Announcement_WithoutOffloadConfigured_ChangesNothing()
    {
        await using var app = new SharekeepApplication(
            settings: new Dictionary<string, string?> { ["Sharekeep:Proxy:KnownProxies:0"] = Nginx }, services: TestPeerAddress.AddTo);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(content: "the bytes");

        var answer = await ThroughNginxAsync(visitor, $"/s/{key}/content");

        Assert.Null(Target(answer));
        Assert.Equal("the bytes", answer.Text);
    }

    [Fact]
    public async Task RevokedLink_ThroughNginx_IsRefusedWithNoTarget()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "x" });
        await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { linkId = link.GetProperty("id").GetGuid(), access = FileShareAccess.None });

        var answer = await ThroughNginxAsync(visitor, $"/s/{link.GetProperty("requestToken").GetString()}/content");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Null(Target(answer));
    }

    [Fact]
    public async Task ViewOnlyLink_ThroughNginx_RefusesTheDownloadWithNoTarget()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { denyDownload = true }, content: "secret plan");

        var answer = await ThroughNginxAsync(visitor, $"/s/{key}/content");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Null(Target(answer));
    }

    [Fact]
    public async Task ExternalSharingOff_ThroughNginx_RefusesWithNoTarget()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync();
        await admin.SetExternalSharingAsync(false);

        var answer = await ThroughNginxAsync(visitor, $"/s/{key}/content");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Null(Target(answer));
    }

    [Fact]
    public async Task OwnersDownload_ThroughNginx_IsHandedToo()
    {
        await using var app = Offloading();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();

        var answer = await ThroughNginxAsync(admin, $"/api/v1/files/{fileId}/content");

        Assert.Equal(Prefix + fileId.ToString("N"), Target(answer));
    }
}
