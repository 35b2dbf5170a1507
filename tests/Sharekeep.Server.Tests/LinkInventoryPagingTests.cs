using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>GET /api/v1/links page by page: every link once, across both tables, and the refusals.</summary>
public sealed class LinkInventoryPagingTests
{
    /// <summary>
    /// Shares and file links made at one frozen moment, some expiring, some not: every tie in the order is broken by
    /// table and key, which is what a cursor must get right.
    /// </summary>
    private static async Task<SharekeepApplication> TiedLinksAsync(FakeTimeProvider clock)
    {
        var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        for (var i = 0; i < 12; i++)
        {
            var expires = i % 3 == 0 ? (DateTimeOffset?)null : clock.GetUtcNow().AddDays(1 + (i % 2));
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/shares", new { resourceType = "report", resourceId = await admin.CreateReportAsync(), expires })).Status);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/files/{fileId}/links", new { title = $"link {i}", expires })).Status);
        }
        return app;
    }

    [Theory]
    [InlineData("-created")]
    [InlineData("created")]
    [InlineData("expires")]
    [InlineData("-expires")]
    public async Task Paging_ThroughEveryLink_GivesEachOnceInTheOrderOfOnePage(string sort)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TiedLinksAsync(clock);
        using var admin = app.Admin();
        var whole = (await admin.GetAsync($"/api/v1/links?sort={sort}&limit=1000")).Body.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();

        var paged = new List<string?>();
        string? cursor = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = (await admin.GetAsync($"/api/v1/links?sort={sort}&limit=5" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).Body;
            paged.AddRange(page.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Equal(24, whole.Count);
        Assert.Null(cursor);
        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task LastPage_HasNoCursor()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.ShareReportAsync(await admin.CreateReportAsync());

        var page = (await admin.GetAsync("/api/v1/links?limit=1")).Body;

        Assert.Single(page.GetProperty("links").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("kind=folder", "kind")]
    [InlineData("kind=report,", "kind")]
    [InlineData("state=gone", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("sort=name", "sort")]
    [InlineData("q=", "q")]
    [InlineData("resourceId=not-a-guid", "resourceId")]
    [InlineData("fileId=42", "fileId")]
    [InlineData("hasPassword=maybe", "hasPassword")]
    [InlineData("denyDownload=yes", "denyDownload")]
    [InlineData("createdAfter=yesterday", "createdAfter")]
    [InlineData("expiresBefore=soon", "expiresBefore")]
    [InlineData("cursor=garbled", "cursor")]
    public async Task List_WithABadParameter_Returns400NamingIt(string query, string parameter)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/v1/links?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty(parameter, out _), answer.Text);
    }

    [Fact]
    public async Task List_WithATooLongSearch_Returns400NamingQ()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/v1/links?q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task List_WithACursorOfAnotherSort_Returns400NamingTheCursor()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.ShareReportAsync(await admin.CreateReportAsync());
        await admin.ShareReportAsync(await admin.CreateReportAsync());
        var cursor = (await admin.GetAsync("/api/v1/links?limit=1")).Body.GetProperty("nextCursor").GetString()!;

        var answer = await admin.GetAsync("/api/v1/links?sort=expires&cursor=" + Uri.EscapeDataString(cursor));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task List_NeedsTheReadScope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);
        using var sharer = app.WithKey((await ApiKeys.CreateAsync(admin, "share")).Key);
        using var visitor = app.Visitor();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/links")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sharer.GetAsync("/api/v1/links")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/v1/links")).Status);
    }
}
