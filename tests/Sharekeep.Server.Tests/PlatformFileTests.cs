using System.Net;
using System.Text;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Uploading, describing and deleting files through the document platform's API, by integer id.</summary>
public sealed class PlatformFileTests
{
    [Fact]
    public async Task Upload_ToMyFolder_AnswersTheFileWithAnIntegerId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("plan.pdf", Encoding.UTF8.GetBytes("%PDF-1.7"), "application/pdf", "/api/2.0/files/@my/upload");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var file = answer.Response.EnumerateArray().Single();
        Assert.True(file.GetProperty("id").GetInt32() > 0);
        Assert.Equal("plan.pdf", file.GetProperty("title").GetString());
        Assert.Equal(8, file.GetProperty("pureContentLength").GetInt64());
        Assert.Equal(".pdf", file.GetProperty("fileExst").GetString());
        Assert.Equal(PlatformFileType.Pdf, file.GetProperty("fileType").GetInt32());
        Assert.Equal(FileEntryType.File, file.GetProperty("fileEntryType").GetInt32());
        Assert.Equal(PlatformFolder.MyId, file.GetProperty("folderId").GetInt32());
    }

    [Fact]
    public async Task Upload_ToMyFolderByItsId_IsTheSameAsByItsName()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("a.txt", [1, 2, 3], path: $"/api/2.0/files/{PlatformFolder.MyId}/upload");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("a.txt", answer.Response.EnumerateArray().Single().GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_ToAFolderSharekeepDoesNotHave_Is404AndKeepsNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("a.txt", [1, 2, 3], path: "/api/2.0/files/42/upload");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("@my", answer.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync("/api/v1/files")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Upload_OfABodyThatIsNotMultipart_Is415InThePlatformsEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/2.0/files/@my/upload", "{}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(EnvelopeStatus.Error, answer.Body.GetProperty("status").GetInt32());
        Assert.Contains("multipart/form-data", answer.Body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfANameWithHiddenFormatting_Is400AndKeepsNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.UploadAsync("invoice\u202Efdp.exe", [1], path: "/api/2.0/files/@my/upload");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty((await admin.GetAsync("/api/v1/files")).Body.EnumerateArray());
    }

    [Fact]
    public async Task FileNumbers_FollowOneAnother_AndADeletedNumberIsNeverGivenAgain()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var first = await admin.UploadToPlatformAsync();
        var second = await admin.UploadToPlatformAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/2.0/files/file/{second}")).Status);
        var third = await admin.UploadToPlatformAsync();

        Assert.Equal(first + 1, second);
        Assert.Equal(second + 1, third);
    }

    [Fact]
    public async Task FileNumbers_OutliveARestart()
    {
        var directory = TempDirectory.Create();
        try
        {
            int before;
            await using (var app = new SharekeepApplication(directory))
            {
                using var admin = app.Admin();
                before = await admin.UploadToPlatformAsync();
            }
            await using var restarted = new SharekeepApplication(directory);
            using var again = restarted.Admin();

            var after = await again.UploadToPlatformAsync();

            Assert.Equal(before + 1, after);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/2.0/files/file/{before}")).Status);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task NativeApi_KeepsTheGuidAsIdAndShowsTheIntegerAsNumber()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var number = await admin.UploadToPlatformAsync("n.txt");

        var listed = (await admin.GetAsync("/api/v1/files")).Body.EnumerateArray().Single();

        Assert.Equal(number, listed.GetProperty("number").GetInt32());
        Assert.NotEqual(Guid.Empty, listed.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task FileInfo_ByIntegerId_AnswersTheFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var number = await admin.UploadToPlatformAsync("report.xlsx", "cells", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var answer = await admin.GetAsync($"/api/2.0/files/file/{number}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(number, answer.Response.GetProperty("id").GetInt32());
        Assert.Equal("report.xlsx", answer.Response.GetProperty("title").GetString());
        Assert.Equal(PlatformFileType.Spreadsheet, answer.Response.GetProperty("fileType").GetInt32());
        Assert.False(answer.Response.GetProperty("shared").GetBoolean());
    }

    [Fact]
    public async Task FileInfo_ByTheGuidOfEarlierIntegrations_AnswersTheSameFile()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var id = await admin.UploadFileAsync();

        var answer = await admin.GetAsync($"/api/2.0/files/file/{id}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(await admin.FileNumberAsync(id), answer.Response.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task FileInfo_OfAFileWithALink_SaysItIsShared()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var number = await admin.UploadToPlatformAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/2.0/files/file/{number}/links", new { title = "x" })).Status);

        var answer = await admin.GetAsync($"/api/2.0/files/file/{number}");

        Assert.True(answer.Response.GetProperty("shared").GetBoolean());
    }

    [Theory]
    [InlineData("999")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("not-a-file")]
    [InlineData("99999999999999999999")]
    public async Task FileInfo_OfAnIdThatNamesNoFile_Is404InThePlatformsEnvelope(string fileId)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.UploadToPlatformAsync();

        var answer = await admin.GetAsync($"/api/2.0/files/file/{fileId}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(EnvelopeStatus.Error, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Delete_ByIntegerId_RemovesTheFileAndAnswersAFinishedOperation()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var number = await admin.UploadToPlatformAsync("gone.txt");

        var answer = await admin.DeleteAsync($"/api/2.0/files/file/{number}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var operation = answer.Response.EnumerateArray().Single();
        Assert.True(operation.GetProperty("finished").GetBoolean());
        Assert.Equal(FileOperationType.Delete, operation.GetProperty("Operation").GetInt32());
        Assert.Equal(100, operation.GetProperty("progress").GetInt32());
        Assert.Equal(number, operation.GetProperty("files").EnumerateArray().Single().GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/2.0/files/file/{number}")).Status);
    }

    [Fact]
    public async Task Delete_OfAnUnknownFile_Is404()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/2.0/files/file/5")).Status);
    }

    [Fact]
    public async Task UploadAndDelete_NeedTheContentScope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var number = await admin.UploadToPlatformAsync();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.UploadAsync("a.txt", [1], path: "/api/2.0/files/@my/upload")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/2.0/files/file/{number}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/2.0/files/file/{number}")).Status);
    }
}
