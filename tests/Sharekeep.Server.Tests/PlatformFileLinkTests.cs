using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>PUT and GET files/file/{fileId}/links: a file's external links in the document platform's shape.</summary>
public sealed class PlatformFileLinkTests
{
    private static string Links(Guid fileId) => $"/api/2.0/files/file/{fileId}/links";

    [Fact]
    public async Task Create_AnswersTheLinkWithEveryDocumentedField()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();

        var answer = await admin.PutAsync(Links(fileId), new { title = "For the auditors", denyDownload = true, primary = true });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(FileShareAccess.Read, answer.Response.GetProperty("access").GetInt32());
        var link = answer.Response.GetProperty("sharedTo");
        Assert.NotEqual(Guid.Empty, link.GetProperty("id").GetGuid());
        Assert.Equal("For the auditors", link.GetProperty("title").GetString());
        var key = link.GetProperty("requestToken").GetString()!;
        Assert.Equal(32, key.Length);
        Assert.EndsWith($"/s/{key}", link.GetProperty("shareLink").GetString(), StringComparison.Ordinal);
        Assert.False(link.TryGetProperty("expirationDate", out _));
        Assert.Equal(FileShareLinkType.External, link.GetProperty("linkType").GetInt32());
        Assert.True(link.GetProperty("denyDownload").GetBoolean());
        Assert.False(link.GetProperty("isExpired").GetBoolean());
        Assert.True(link.GetProperty("primary").GetBoolean());
        Assert.False(link.GetProperty("internal").GetBoolean());
    }

    [Fact]
    public async Task Create_WithAPassword_NeverAnswersThePassword()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();

        var created = await admin.PutAsync(Links(fileId), new { title = "x", password = "Correct-Horse-9" });
        var listed = await admin.GetAsync(Links(fileId));

        foreach (var answer in new[] { created, listed })
        {
            Assert.DoesNotContain("Correct-Horse-9", answer.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("password", answer.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pbkdf2", answer.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_AnswersEveryActiveLinkWithItsCount()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        await admin.SetLinkAsync(fileId, new { title = "one" });
        await admin.SetLinkAsync(fileId, new { title = "two" });

        var answer = await admin.GetAsync(Links(fileId));

        Assert.Equal(2, answer.Body.GetProperty("count").GetInt32());
        Assert.Equal(["one", "two"], answer.Response.EnumerateArray().Select(l => l.GetProperty("sharedTo").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Update_ByLinkId_ChangesTheLinkAndKeepsItsKey()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "draft" });
        var expires = DateTimeOffset.UtcNow.AddDays(7);

        var updated = await admin.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), title = "final", expirationDate = expires });

        Assert.Equal(link.GetProperty("id").GetGuid(), updated.GetProperty("id").GetGuid());
        Assert.Equal(link.GetProperty("requestToken").GetString(), updated.GetProperty("requestToken").GetString());
        Assert.Equal("final", updated.GetProperty("title").GetString());
        Assert.Equal(expires.ToUnixTimeSeconds(), updated.GetProperty("expirationDate").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Single((await admin.GetAsync(Links(fileId))).Response.EnumerateArray());
    }

    [Fact]
    public async Task Update_WithoutPassword_KeepsThePassword()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { password = "Correct-Horse-9" });

        await admin.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), title = "renamed" });

        Assert.Equal(ExternalShareStatus.RequiredPassword, (await visitor.GetAsync($"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}")).ShareStatus);
    }

    [Fact]
    public async Task Update_WithAnEmptyPassword_RemovesThePassword()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { password = "Correct-Horse-9" });

        await admin.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), password = "" });

        Assert.Equal(ExternalShareStatus.Ok, (await visitor.GetAsync($"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}")).ShareStatus);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task AccessNone_RevokesTheLinkAndAnswersAnEmptyResponse(int access)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "x" });

        var answer = await admin.PutAsync(Links(fileId), new { linkId = link.GetProperty("id").GetGuid(), access });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(JsonValueKind.Null, answer.Response.ValueKind);
        Assert.Empty((await admin.GetAsync(Links(fileId))).Response.EnumerateArray());
        Assert.Equal(ExternalShareStatus.Invalid, (await admin.GetAsync($"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}")).ShareStatus);
    }

    [Fact]
    public async Task AccessNone_ByName_RevokesTheLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "x" });

        var answer = await admin.PutAsync(Links(fileId), new { linkId = link.GetProperty("id").GetGuid(), access = "None" });

        Assert.Equal(JsonValueKind.Null, answer.Response.ValueKind);
    }

    [Fact]
    public async Task Revoke_Twice_ChangesNothingTheSecondTime()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        var linkId = (await admin.SetLinkAsync(fileId, new { title = "x" })).GetProperty("id").GetGuid();
        await admin.PutAsync(Links(fileId), new { linkId, access = FileShareAccess.None });

        var again = await admin.PutAsync(Links(fileId), new { linkId, access = FileShareAccess.None });

        Assert.Equal(HttpStatusCode.OK, again.Status);
    }

    [Fact]
    public async Task Update_OfARevokedLink_Answers400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        var linkId = (await admin.SetLinkAsync(fileId, new { title = "x" })).GetProperty("id").GetGuid();
        await admin.PutAsync(Links(fileId), new { linkId, access = FileShareAccess.None });

        var answer = await admin.PutAsync(Links(fileId), new { linkId, title = "back?" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty((await admin.GetAsync(Links(fileId))).Response.EnumerateArray());
    }

    [Fact]
    public async Task Primary_MovesToTheNewPrimaryLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        await admin.SetLinkAsync(fileId, new { title = "old", primary = true });
        await admin.SetLinkAsync(fileId, new { title = "new", primary = true });

        var links = (await admin.GetAsync(Links(fileId))).Response.EnumerateArray()
            .ToDictionary(l => l.GetProperty("sharedTo").GetProperty("title").GetString()!, l => l.GetProperty("sharedTo").GetProperty("primary").GetBoolean());

        Assert.False(links["old"]);
        Assert.True(links["new"]);
    }

    [Theory]
    [InlineData("{\"access\": 1}")]
    [InlineData("{\"access\": 10}")]
    [InlineData("{\"access\": \"Editing\"}")]
    [InlineData("{\"access\": true}")]
    [InlineData("{\"internal\": true}")]
    [InlineData("{\"password\": \"short\"}")]
    [InlineData("{\"password\": \"          \"}")]
    [InlineData("{\"expirationDate\": \"2001-01-01T00:00:00Z\"}")]
    [InlineData("{\"expirationDate\": \"2999-01-01T00:00:00Z\"}")]
    [InlineData("{\"expirationDate\": \"next tuesday\"}")]
    [InlineData("{\"linkId\": \"not-a-guid\"}")]
    [InlineData("{\"denyDownload\": \"yes\"}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Set_WithABadBody_Answers400InTheErrorEnvelopeAndCreatesNothing(string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();

        var answer = await admin.PutRawAsync(Links(fileId), body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(StatusCodes.Status400BadRequest, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(answer.PlatformError));
        Assert.Empty((await admin.GetAsync(Links(fileId))).Response.EnumerateArray());
    }

    [Fact]
    public async Task Set_WithATitleTooLong_Answers400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();

        var answer = await admin.PutAsync(Links(fileId), new { title = new string('t', 256) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Set_ForAnUnknownFile_Answers404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutAsync(Links(Guid.NewGuid()), new { title = "x" });

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(StatusCodes.Status404NotFound, answer.Body.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task List_ForAFileIdThatIsNoGuid_Answers404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/2.0/files/file/123/links");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Revoke_OfAnUnknownLinkId_Answers404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();

        var answer = await admin.PutAsync(Links(fileId), new { linkId = Guid.NewGuid(), access = FileShareAccess.None });

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Update_WithTheLinkIdOfAnotherFile_Answers400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var linkId = (await admin.SetLinkAsync(await admin.UploadFileAsync(), new { title = "a" })).GetProperty("id").GetGuid();
        var other = await admin.UploadFileAsync();

        var answer = await admin.PutAsync(Links(other), new { linkId, title = "stolen" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Create_WhileExternalSharingIsOff_Answers403AndCreatesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        await admin.SetExternalSharingAsync(false);

        var answer = await admin.PutAsync(Links(fileId), new { title = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(StatusCodes.Status403Forbidden, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.Empty((await admin.GetAsync(Links(fileId))).Response.EnumerateArray());
    }

    [Fact]
    public async Task Links_WithoutTheSecret_Answer401()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();

        var answer = await visitor.PutAsync(Links(fileId), new { title = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, answer.Body.GetProperty("statusCode").GetInt32());
    }
}
