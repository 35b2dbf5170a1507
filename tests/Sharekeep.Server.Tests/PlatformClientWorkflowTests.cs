using System.Net;
using System.Text;
using System.Text.Json;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Contracts;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// The whole file-sharing workflow of a client generated from the platform's description, against a fresh
/// Sharekeep, through /api/2.0 only. Every JSON request is first held to the operation's request schema (so
/// this test sends what such a client sends), and every answer to the response schema by SharekeepClient
/// (<see cref="PlatformContract"/>), so a missing required field or a wrong type fails this test.
/// </summary>
public sealed class PlatformClientWorkflowTests
{
    private const string Password = "Board-Minutes-42";

    [Fact]
    public async Task AClientOfThePlatformsDescription_SharesAFileFromUploadToTheRightPassword()
    {
        Assert.True(PlatformContract.Enforced);
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();

        // Upload and file info.
        var uploaded = await admin.UploadAsync("minutes.txt", Encoding.UTF8.GetBytes("Board minutes"), path: "/api/2.0/files/@my/upload");
        Assert.Equal(HttpStatusCode.OK, uploaded.Status);
        var fileId = uploaded.Response.EnumerateArray().Single().GetProperty("id").GetInt32();
        Assert.Equal("minutes.txt", (await admin.GetAsync($"/api/2.0/files/file/{fileId}")).Response.GetProperty("title").GetString());

        // A password link with an expiry, in the object form the generated clients hold dates in.
        var made = await CallAsync(
            admin, HttpMethod.Put, $"/api/2.0/files/file/{fileId}/links",
            new { title = "For the board", password = Password, expirationDate = "2031-01-01 00:00:00+00:00", access = FileShareAccess.Read, primary = false });
        Assert.Equal(HttpStatusCode.OK, made.Status);
        var key = made.Response.GetProperty("sharedLink").GetProperty("requestToken").GetString()!;

        // The links and the primary link.
        Assert.Single((await admin.GetAsync($"/api/2.0/files/file/{fileId}/links?startIndex=0&count=25")).Response.EnumerateArray());
        Assert.True((await admin.GetAsync($"/api/2.0/files/file/{fileId}/link")).Response.GetProperty("sharedLink").GetProperty("primary").GetBoolean());

        // The settings, and both switches off and on again.
        Assert.True((await admin.GetAsync("/api/2.0/files/settings")).Response.GetProperty("externalShare").GetBoolean());
        foreach (var (path, value) in new[] { ("external", false), ("externalsocialmedia", false), ("external", true), ("externalsocialmedia", true) })
        {
            Assert.Equal(HttpStatusCode.OK, (await CallAsync(admin, HttpMethod.Put, $"/api/2.0/files/settings/{path}", new { set = value })).Status);
        }

        // The visitor: the password asked for, a wrong one, the right one.
        Assert.Equal(ExternalShareStatus.RequiredPassword, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
        Assert.Equal(ExternalShareStatus.InvalidPassword, (await CallAsync(visitor, HttpMethod.Post, $"/api/2.0/files/share/{key}/password", new { password = "wrong" })).ShareStatus);
        var opened = await CallAsync(visitor, HttpMethod.Post, $"/api/2.0/files/share/{key}/password", new { password = Password });
        Assert.Equal(ExternalShareStatus.Ok, opened.ShareStatus);
        Assert.Equal(fileId.ToString(System.Globalization.CultureInfo.InvariantCulture), opened.Response.GetProperty("id").GetString());

        // External sharing off: status 5, and the same link again once it is back on.
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(admin, HttpMethod.Put, "/api/2.0/files/settings/external", new { set = false })).Status);
        Assert.Equal(ExternalShareStatus.ExternalAccessDenied, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(admin, HttpMethod.Put, "/api/2.0/files/settings/external", new { set = true })).Status);
        Assert.Equal(ExternalShareStatus.Ok, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);

        // And the file removed: its link then opens nothing.
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(admin, HttpMethod.Delete, $"/api/2.0/files/file/{fileId}", new { deleteAfter = false, immediately = true })).Status);
        Assert.Equal(ExternalShareStatus.Invalid, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
    }

    /// <summary>Sends a JSON body the way a generated client does, once it is known to match the operation's request schema.</summary>
    private static Task<Answer> CallAsync(SharekeepClient client, HttpMethod method, string path, object body)
    {
        var json = JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        Assert.Empty(PlatformContract.ValidateRequest(method.Method, path, json));
        return client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
