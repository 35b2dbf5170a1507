using System.Net;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>GET and POST files/file/{id}/link: the file's primary link, made on first use as the platform does.</summary>
public sealed class PlatformPrimaryLinkTests
{
    private static string Primary(int fileId) => $"/api/2.0/files/file/{fileId}/link";

    [Fact]
    public async Task Get_OfAFileWithoutLinks_MakesAnOpenPrimaryLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.GetAsync(Primary(fileId));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ShareSubjectType.PrimaryExternalLink, answer.Response.GetProperty("subjectType").GetInt32());
        var link = answer.Response.GetProperty("sharedTo");
        Assert.True(link.GetProperty("primary").GetBoolean());
        Assert.False(link.TryGetProperty("expirationDate", out _));
        var visit = await app.Visitor().GetAsync($"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}");
        Assert.Equal(ExternalShareStatus.Ok, visit.ShareStatus);
    }

    [Fact]
    public async Task Get_Twice_AnswersTheSameLinkAndMakesNoOther()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var first = await admin.GetAsync(Primary(fileId));
        var second = await admin.GetAsync(Primary(fileId));

        Assert.Equal(
            first.Response.GetProperty("sharedTo").GetProperty("id").GetGuid(),
            second.Response.GetProperty("sharedTo").GetProperty("id").GetGuid());
        Assert.Single((await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray());
    }

    [Fact]
    public async Task Get_ManyAtOnceOnAFileWithoutLinks_AllAnswerTheOneLinkTheyMade()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answered = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var client = app.Admin();
            return (await client.GetAsync(Primary(fileId))).Response.GetProperty("sharedTo").GetProperty("id").GetGuid();
        }));

        var links = (await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray().ToList();
        Assert.Single(links);
        Assert.All(answered, id => Assert.Equal(links[0].GetProperty("sharedTo").GetProperty("id").GetGuid(), id));
    }

    [Fact]
    public async Task Get_OfAFileWhosePrimaryLinkWasMadeByPut_AnswersThatLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        var made = await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { title = "Main", primary = true });

        var answer = await admin.GetAsync(Primary(fileId));

        Assert.Equal(made.Response.GetProperty("sharedTo").GetProperty("id").GetGuid(), answer.Response.GetProperty("sharedTo").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Get_AfterThePrimaryLinkWasRevoked_Is404AndMakesNoNewLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        var linkId = (await admin.GetAsync(Primary(fileId))).Response.GetProperty("sharedTo").GetProperty("id").GetGuid();
        await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { linkId, access = FileShareAccess.None });

        var answer = await admin.GetAsync(Primary(fileId));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("revoked", answer.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray());
    }

    [Fact]
    public async Task Get_WhileExternalSharingIsOff_Is403AndMakesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        await admin.SetExternalSharingAsync(false);

        var answer = await admin.GetAsync(Primary(fileId));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Empty((await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray());
    }

    [Fact]
    public async Task Get_OfAnUnknownFile_Is404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Primary(77))).Status);
    }

    [Fact]
    public async Task Post_MakesThePrimaryLinkWithTheBodysSettings()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.PostAsync(
            Primary(fileId), new { access = FileShareAccess.Read, denyDownload = true, password = "Correct-Horse-9", expirationDate = "2031-01-02T03:04:05.0000000+00:00" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var link = answer.Response.GetProperty("sharedTo");
        Assert.True(link.GetProperty("primary").GetBoolean());
        Assert.True(link.GetProperty("denyDownload").GetBoolean());
        Assert.Equal("2031-01-02T03:04:05.0000000Z", link.GetProperty("expirationDate").GetString());
        var visit = await app.Visitor().GetAsync($"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}");
        Assert.Equal(ExternalShareStatus.RequiredPassword, visit.ShareStatus);
    }

    [Fact]
    public async Task Post_WhenThePrimaryLinkExists_AnswersItUnchanged()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        var existing = (await admin.GetAsync(Primary(fileId))).Response.GetProperty("sharedTo");

        var answer = await admin.PostAsync(Primary(fileId), new { denyDownload = true });

        var link = answer.Response.GetProperty("sharedTo");
        Assert.Equal(existing.GetProperty("id").GetGuid(), link.GetProperty("id").GetGuid());
        Assert.False(link.GetProperty("denyDownload").GetBoolean());
    }

    [Fact]
    public async Task Post_WithAnAccessOtherThanRead_Is400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.PostAsync(Primary(fileId), new { access = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty((await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray());
    }

    [Fact]
    public async Task GetAndPost_NeedTheShareScope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Primary(fileId))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(Primary(fileId), new { })).Status);
    }
}
