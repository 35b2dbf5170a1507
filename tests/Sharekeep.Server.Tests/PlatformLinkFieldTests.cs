using System.Net;
using System.Text.Json;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The fields of the platform's link answers and requests: integer ids, paging, the can* flags, dates.</summary>
public sealed class PlatformLinkFieldTests
{
    private static string Links(int fileId) => $"/api/2.0/files/file/{fileId}/links";

    [Fact]
    public async Task Links_OfAFileByIntegerId_AreMadeAndListed()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Links(fileId), new { title = "One" })).Status);

        var listed = await admin.GetAsync(Links(fileId));
        Assert.Equal("One", listed.Response.EnumerateArray().Single().GetProperty("sharedTo").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Links_ArePagedByStartIndexAndCount_WithTheTotalBeside()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        foreach (var title in new[] { "First", "Second", "Third" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(Links(fileId), new { title })).Status);
        }

        var page = await admin.GetAsync(Links(fileId) + "?startIndex=1&count=1");

        Assert.Equal("Second", page.Response.EnumerateArray().Single().GetProperty("sharedTo").GetProperty("title").GetString());
        Assert.Equal(1, page.Body.GetProperty("count").GetInt32());
        Assert.Equal(3, page.Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Links_PastTheEnd_AreAnEmptyPage()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        await admin.PutAsync(Links(fileId), new { title = "Only" });

        var page = await admin.GetAsync(Links(fileId) + "?startIndex=5");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Response.EnumerateArray());
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=101")]
    [InlineData("startIndex=-1")]
    [InlineData("count=ten")]
    public async Task Links_WithAPageOutOfBounds_Is400(string query)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.GetAsync(Links(fileId) + "?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task LinkAnswer_CarriesTheLinkAsSharedToAndSharedLink_WithTheTruthAboutWhatCanBeEdited()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = (await admin.PutAsync(Links(fileId), new { title = "x" })).Response;

        Assert.Equal(answer.GetProperty("sharedTo").GetRawText(), answer.GetProperty("sharedLink").GetRawText());
        Assert.False(answer.GetProperty("canEditInternal").GetBoolean());
        Assert.True(answer.GetProperty("canEditDenyDownload").GetBoolean());
        Assert.True(answer.GetProperty("canEditExpirationDate").GetBoolean());
        Assert.True(answer.GetProperty("canRevoke").GetBoolean());
    }

    public static TheoryData<string> DatesInEveryForm => new()
    {
        """ "2031-06-01T12:00:00.0000000+00:00" """,
        """ "2031-06-01T14:00:00+02:00" """,
        """ "2031-06-01T12:00:00Z" """,
        """ "2031-06-01 12:00:00+00:00" """,
        """ {"utcTime": "2031-06-01T12:00:00Z", "timeZoneOffset": "02:00:00"} """,
    };

    [Theory]
    [MemberData(nameof(DatesInEveryForm))]
    public async Task ExpirationDate_InEveryFormTheClientsSend_IsReadAndAnsweredAsThePlatformsString(string date)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.PutRawAsync(Links(fileId), $$"""{"title": "x", "expirationDate": {{date}}}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("2031-06-01T12:00:00.0000000Z", answer.Response.GetProperty("sharedTo").GetProperty("expirationDate").GetString());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"utcTime": null}""")]
    public async Task ExpirationDate_NullOrEmpty_MeansNoExpiry(string date)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.PutRawAsync(Links(fileId), $$"""{"title": "x", "expirationDate": {{date}}}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Response.GetProperty("sharedTo").TryGetProperty("expirationDate", out _));
    }

    [Theory]
    [InlineData("\"tomorrow\"")]
    [InlineData("17")]
    [InlineData("true")]
    [InlineData("""{"utcTime": "soon"}""")]
    [InlineData("""{"utcTime": 5}""")]
    [InlineData("""{"utc_time": "2031-06-01T12:00:00Z"}""")]
    [InlineData("""{"value": "2031-06-01T12:00:00Z", "timeZoneOffset": "02:00:00"}""")]
    [InlineData("""{"utcTime": null, "UtcTime": "2031-06-01T12:00:00Z"}""")]
    public async Task ExpirationDate_ThatIsNoDate_Is400NamingTheFieldAndMakesNoLink(string date)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.PutRawAsync(Links(fileId), $$"""{"title": "x", "expirationDate": {{date}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("expirationDate", answer.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync(Links(fileId))).Response.EnumerateArray());
    }

    [Fact]
    public async Task ExpirationDate_GivingAFieldTwice_IsRefusedWithTheWholeBody_AndMakesNoLink()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();

        var answer = await admin.PutRawAsync(Links(fileId), """{"title": "x", "expirationDate": {"utcTime": "2031-06-01T12:00:00Z", "utcTime": null}}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Body.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty((await admin.GetAsync(Links(fileId))).Response.EnumerateArray());
    }

    [Fact]
    public async Task ExternalShare_AnswersTheConfiguredTenantId()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:DocumentPlatform:TenantId"] = "7" });
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync();

        var answer = await app.Visitor().GetAsync($"/api/2.0/files/share/{key}");

        Assert.Equal(7, answer.Response.GetProperty("tenantId").GetInt32());
    }

    [Fact]
    public async Task ExternalShare_ByDefault_AnswersTenantOne()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync();

        var answer = await app.Visitor().GetAsync($"/api/2.0/files/share/{key}");

        Assert.Equal(1, answer.Response.GetProperty("tenantId").GetInt32());
    }

    [Fact]
    public async Task ExternalShare_WhileExternalSharingIsOff_NamesNoLinkWithTheZeroGuid()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var key = await admin.ShareFileAsync();
        await admin.SetExternalSharingAsync(false);

        var answer = await app.Visitor().GetAsync($"/api/2.0/files/share/{key}");

        Assert.Equal(ExternalShareStatus.ExternalAccessDenied, answer.ShareStatus);
        Assert.Equal(Guid.Empty, answer.Response.GetProperty("linkId").GetGuid());
        Assert.Equal(JsonValueKind.Null, answer.Response.GetProperty("id").ValueKind);
        Assert.False(answer.Response.GetProperty("shared").GetBoolean());
        Assert.False(answer.Response.GetProperty("isAuthenticated").GetBoolean());
    }

    [Fact]
    public async Task ExternalShare_OfAnUnknownKey_NamesNoLinkWithTheZeroGuid()
    {
        await using var app = new SharekeepApplication();

        var answer = await app.Visitor().GetAsync("/api/2.0/files/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(ExternalShareStatus.Invalid, answer.ShareStatus);
        Assert.Equal(Guid.Empty, answer.Response.GetProperty("linkId").GetGuid());
    }

    [Fact]
    public async Task TenantId_OutOfRange_StopsStartNamingTheSetting()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:DocumentPlatform:TenantId"] = "-3" });

        var error = Record.Exception(() => app.Admin());

        Assert.NotNull(error);
        Assert.Contains("Sharekeep:DocumentPlatform:TenantId", error.ToString(), StringComparison.Ordinal);
    }
}
