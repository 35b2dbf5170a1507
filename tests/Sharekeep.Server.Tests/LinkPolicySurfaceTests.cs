using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Every surface that makes links obeys the link policy: the native API, both dialects and the console.</summary>
public sealed class LinkPolicySurfaceTests
{
    private static readonly object Strict = LinkPolicies.Body(fileDefaultDays: 7, fileMaxDays: 30, shareDefaultDays: 14, shareMaxDays: 90);

    private static DateTimeOffset Days(int days) => DateTimeOffset.UtcNow.AddDays(days);

    [Fact]
    public async Task NativeFileLink_BeyondTheMaximum_Is400NamingTheLimit()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, Strict);

        var answer = await admin.PostAsync($"/api/v1/files/{await admin.UploadFileAsync()}/links", new { expires = Days(31) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("fileLinks.maxLifetimeDays", answer.Body.GetProperty("errors").GetProperty("expirationDate")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeFileLink_WithoutExpiry_GetsTheDefaultLifetime()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, Strict);

        var link = (await admin.PostAsync($"/api/v1/files/{await admin.UploadFileAsync()}/links", new { title = "t" })).Body;

        Assert.InRange(link.GetProperty("expires").GetDateTimeOffset(), Days(7).AddMinutes(-5), Days(7));
    }

    [Fact]
    public async Task NativeFileLink_WithAPasswordShorterThanThePolicysMinimum_Is400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(requirePassword: true, minPasswordLength: 16));

        var shortOne = await admin.PostAsync($"/api/v1/files/{await admin.UploadFileAsync()}/links", new { password = "only12 chars" });
        var none = await admin.PostAsync($"/api/v1/files/{await admin.UploadFileAsync()}/links", new { title = "open" });

        Assert.Contains("fileLinks.minPasswordLength", shortOne.Body.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("fileLinks.requirePassword", none.Body.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeFileLink_NotSayingAboutDownloads_IsViewOnlyUnderThePolicy()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(denyDownloadByDefault: true));
        var fileId = await admin.UploadFileAsync();

        var unsaid = (await admin.PostAsync($"/api/v1/files/{fileId}/links", new { title = "t" })).Body;
        var said = (await admin.PostAsync($"/api/v1/files/{fileId}/links", new { denyDownload = false })).Body;

        Assert.True(unsaid.GetProperty("denyDownload").GetBoolean());
        Assert.False(said.GetProperty("denyDownload").GetBoolean());
    }

    [Fact]
    public async Task NativeShare_BeyondTheMaximum_Is400NamingTheLimit_AndWithoutExpiryGetsTheDefault()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, Strict);
        var reportId = await admin.CreateReportAsync();

        var refused = await admin.PostAsync("/api/v1/shares", new { resourceType = "report", resourceId = reportId, expires = Days(91) });
        var made = await admin.PostAsync("/api/v1/shares", new { resourceType = "report", resourceId = reportId });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("shares.maxLifetimeDays", refused.Body.GetProperty("errors").GetProperty("expires")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, made.Status);
        Assert.InRange(made.Body.GetProperty("expires").GetDateTimeOffset(), Days(14).AddMinutes(-5), Days(14));
    }

    [Fact]
    public async Task ReportingToolShare_KeepsItsShapeAndGetsTheDefaultLifetime()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, Strict);

        var answer = await admin.PostAsync("/api/share/dashboard", new { dashboardId = await admin.CreateDashboardAsync(await admin.CreateReportAsync()) });
        var listed = Assert.Single((await admin.GetAsync("/api/v1/shares")).Body.EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["id"], answer.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(answer.Body.GetProperty("id").GetString(), listed.GetProperty("id").GetString());
        Assert.InRange(listed.GetProperty("expires").GetDateTimeOffset(), Days(14).AddMinutes(-5), Days(14));
    }

    [Fact]
    public async Task PlatformLink_BeyondTheMaximum_IsRefusedInThePlatformsEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, Strict);

        var answer = await admin.PutAsync(
            $"/api/2.0/files/file/{await admin.UploadFileAsync()}/links", new { title = "long", expirationDate = Days(31) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.Contains("fileLinks.maxLifetimeDays", answer.PlatformError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformLink_WithoutExpiryOrDownloadFlag_GetsThePolicysDefaults()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileDefaultDays: 7, denyDownloadByDefault: true));

        var link = await admin.SetLinkAsync(await admin.UploadFileAsync(), new { title = "defaults" });

        Assert.True(link.GetProperty("denyDownload").GetBoolean());
        Assert.False(string.IsNullOrEmpty(link.GetProperty("expirationDate").GetString()));
    }

    [Fact]
    public async Task PlatformLink_WithoutPassword_WhenOneIsRequired_IsRefused()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(requirePassword: true));

        var answer = await admin.PutAsync($"/api/2.0/files/file/{await admin.UploadFileAsync()}/links", new { title = "open" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("fileLinks.requirePassword", answer.PlatformError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformLinkChange_BeyondTheMaximumOrDroppingARequiredPassword_IsRefusedAndChangesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileMaxDays: 30, requirePassword: true));
        var fileId = await admin.UploadFileAsync();
        var link = await admin.SetLinkAsync(fileId, new { title = "kept", password = "a long password" });
        var linkId = link.GetProperty("id").GetGuid();

        var longer = await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { linkId, title = "longer", expirationDate = Days(60) });
        var open = await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { linkId, title = "open", password = "", expirationDate = Days(10) });

        Assert.Contains("fileLinks.maxLifetimeDays", longer.PlatformError, StringComparison.Ordinal);
        Assert.Contains("fileLinks.requirePassword", open.PlatformError, StringComparison.Ordinal);
        var listed = Assert.Single((await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray()).GetProperty("sharedTo");
        Assert.Equal("kept", listed.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ExpiredShare_OpensNothingForVisitors()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(shareDefaultDays: 1));
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
        var api = $"/api/external/share/report/{shareId}/evaluate";
        var page = (await admin.GetAsync("/api/v1/shares")).Body[0];
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(api)).Status);

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(api)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/share/report/{shareId}")).Status);
        Assert.NotNull(page.GetProperty("expires").GetString());
    }
}
