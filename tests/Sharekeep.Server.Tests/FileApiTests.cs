using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>POST/GET/DELETE /api/v1/files: uploads streamed to the data directory, metadata in the database.</summary>
public sealed class FileApiTests
{
    [Fact]
    public async Task Upload_Returns201WithNameTypeSizeAndSha256()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var content = Encoding.UTF8.GetBytes("quarterly numbers");

        var answer = await admin.UploadAsync("numbers.csv", content, "text/csv");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var id = answer.Body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/files/{id}", answer.Headers.Location!.OriginalString);
        Assert.Equal("numbers.csv", answer.Body.GetProperty("name").GetString());
        Assert.Equal("text/csv", answer.Body.GetProperty("contentType").GetString());
        Assert.Equal(content.Length, answer.Body.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), answer.Body.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Upload_ThenGet_ReturnsTheSameMetadata()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var id = await admin.UploadFileAsync("a.txt", "abc");

        var answer = await admin.GetAsync($"/api/v1/files/{id}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("a.txt", answer.Body.GetProperty("name").GetString());
        Assert.Equal(3, answer.Body.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Content_ReturnsTheUploadedBytesAsAnAttachment()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var id = (await admin.UploadAsync("blob.bin", bytes, "application/octet-stream")).Body.GetProperty("id").GetGuid();

        using var response = await admin.Http.GetAsync($"/api/v1/files/{id}/content", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Content_WithRange_Returns206AndThoseBytes()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var id = await admin.UploadFileAsync("digits.txt", "0123456789");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/files/{id}/content");
        request.Headers.Range = new RangeHeaderValue(2, 5);

        using var response = await admin.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("2345", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("bytes 2-5/10", response.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task Upload_LargerThanTheConfiguredLimit_Returns413AndKeepsNothing()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:Files:MaxUploadBytes"] = "1000" });
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("big.bin", new byte[1001], "application/octet-stream");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, answer.Body.GetProperty("status").GetInt32());
        Assert.Empty((await admin.GetAsync("/api/v1/files")).Body.EnumerateArray());
        Assert.Empty(Directory.Exists(app.FilesDirectory) ? Directory.GetFiles(app.FilesDirectory) : []);
    }

    [Fact]
    public async Task Upload_ExactlyAtTheLimit_IsAccepted()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:Files:MaxUploadBytes"] = "1000" });
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("edge.bin", new byte[1000], "application/octet-stream");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }

    [Fact]
    public async Task Upload_LargerThanTheJsonBodyLimit_IsAccepted()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:MaxRequestBodyBytes"] = "2048" });
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("photo.bin", new byte[300_000], "application/octet-stream");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }

    [Fact]
    public async Task Upload_OfJson_Returns415()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/files", new { name = "x" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Upload_WithoutAFilePart_Returns400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var form = new MultipartFormDataContent { { new StringContent("just a field"), "comment" } };

        var answer = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = form });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("file part", answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfABrokenMultipartBody_Returns400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/v1/files", "no boundary in here", "multipart/form-data; boundary=xyz");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(StatusCodes.Status400BadRequest, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Upload_WithAPathAsName_KeepsOnlyTheLastSegment()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("../../etc/passwd", [1, 2, 3], "application/octet-stream");

        Assert.Equal("passwd", answer.Body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Upload_WithABadContentType_IsStoredAsOctetStream()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent([1]);
        part.Headers.TryAddWithoutValidation("Content-Type", "not a type");
        form.Add(part, "file", "x.bin");

        var answer = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = form });

        Assert.Equal("application/octet-stream", answer.Body.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Upload_WithoutTheSecret_Returns401()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var answer = await visitor.UploadAsync("x.txt", [1], "text/plain");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.False(Directory.Exists(app.FilesDirectory) && Directory.GetFiles(app.FilesDirectory).Length > 0);
    }

    [Fact]
    public async Task Get_UnknownFile_Returns404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync($"/api/v1/files/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(StatusCodes.Status404NotFound, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Delete_RemovesMetadataContentAndLinks()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var id = await admin.UploadFileAsync();
        var key = (await admin.SetLinkAsync(id, new { title = "x" })).GetProperty("requestToken").GetString();

        var deleted = await admin.DeleteAsync($"/api/v1/files/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/files/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/files/{id}/content")).Status);
        Assert.Empty(Directory.GetFiles(app.FilesDirectory));
        Assert.Equal(ExternalShareStatus.Invalid, (await admin.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
    }

    [Fact]
    public async Task Delete_Twice_Answers404TheSecondTime()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var id = await admin.UploadFileAsync();
        await admin.DeleteAsync($"/api/v1/files/{id}");

        var again = await admin.DeleteAsync($"/api/v1/files/{id}");

        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }

    [Fact]
    public async Task List_ReturnsNewestFirst()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var first = await admin.UploadFileAsync("first.txt");
        var second = await admin.UploadFileAsync("second.txt");

        var answer = await admin.GetAsync("/api/v1/files");

        Assert.Equal([second, first], answer.Body.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()));
    }
}
