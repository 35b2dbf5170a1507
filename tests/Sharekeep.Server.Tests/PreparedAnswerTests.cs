using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Resources;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Dialects.ReportingTool;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Visitors' JSON answers are prepared once per cached record: they stay what a freshly written answer would be, and
/// a change to any record they show is seen at once.
/// </summary>
public sealed class PreparedAnswerTests
{
    [Fact]
    public async Task ReportEvaluate_IsTheJsonTheFrameworksReflectionSerializerWrites()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var reportId = await admin.CreateReportAsync("Sales <north> & \"south\"", new { columns = new[] { "région", "sales" }, rows = new object[] { new object[] { "nord", 1.5 } } });
        var url = $"/api/external/share/report/{await admin.ShareReportAsync(reportId)}/evaluate";
        var report = await app.Services.GetRequiredService<IResourceStore>().FindReportAsync(reportId, TestContext.Current.CancellationToken);

        var first = await visitor.GetAsync(url);
        var warm = await visitor.GetAsync(url);

        var expected = JsonSerializer.Serialize(ReportingToolResults.ToEvaluation(report!), JsonSerializerOptions.Web);
        Assert.Equal(expected, first.Text);
        Assert.Equal(expected, warm.Text);
        Assert.Equal("application/json; charset=utf-8", warm.ContentHeaders.ContentType!.ToString());
    }

    [Fact]
    public async Task WarmDashboardEvaluate_AfterOneOfItsReportsIsDeleted_NoLongerListsIt()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var kept = await admin.CreateReportAsync("Kept");
        var deleted = await admin.CreateReportAsync("Deleted");
        var url = $"/api/external/share/dashboard/{await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(kept, deleted))}/evaluate";
        Assert.Equal(2, (await visitor.GetAsync(url)).Body.GetProperty("tiles").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/reports/{deleted}")).Status);
        var after = await visitor.GetAsync(url);

        Assert.Equal([kept], after.Body.GetProperty("tiles").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task WarmFileLinkResolve_OfTwoLinksToOneFile_AnswersEachItsOwnLinkId()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var fileId = await admin.UploadFileAsync();
        var first = await admin.SetLinkAsync(fileId, new { title = "first" });
        var second = await admin.SetLinkAsync(fileId, new { title = "second" });

        foreach (var link in new[] { first, second, first, second })
        {
            var answer = await visitor.GetAsync($"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}");

            Assert.Equal(ExternalShareStatus.Ok, answer.ShareStatus);
            Assert.Equal(link.GetProperty("id").GetGuid(), answer.Response.GetProperty("linkId").GetGuid());
        }
    }

    [Fact]
    public async Task WarmFileLinkResolve_NamesTheRequestItAnswersInItsEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync();
        await visitor.GetAsync($"/api/2.0/files/share/{key}");

        var answer = await visitor.GetAsync($"/api/2.0/files/share/{key}?from=warm");

        var link = Assert.Single(answer.Body.GetProperty("links").EnumerateArray());
        Assert.EndsWith($"/api/2.0/files/share/{key}?from=warm", link.GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, answer.Body.GetProperty("count").GetInt32());
    }
}
