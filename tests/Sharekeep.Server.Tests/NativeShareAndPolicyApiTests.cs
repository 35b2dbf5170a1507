using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>/api/v1/shares, /api/v1/policy and /api/v1/audit.</summary>
public sealed class NativeShareAndPolicyApiTests
{
    [Fact]
    public async Task ListShares_FiltersByResource()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var a = await admin.CreateReportAsync("A");
        var b = await admin.CreateReportAsync("B");
        var shareOfA = await admin.ShareReportAsync(a);
        await admin.ShareReportAsync(b);
        await admin.ShareDashboardAsync(await admin.CreateDashboardAsync(a));

        var byResource = await admin.GetAsync($"/api/v1/shares?resourceType=report&resourceId={a}");
        var dashboards = await admin.GetAsync("/api/v1/shares?resourceType=dashboard");
        var all = await admin.GetAsync("/api/v1/shares");

        var only = Assert.Single(byResource.Body.EnumerateArray());
        Assert.Equal(shareOfA, only.GetProperty("id").GetString());
        Assert.Equal("report", only.GetProperty("resourceType").GetString());
        Assert.Equal($"/api/external/share/report/{shareOfA}/evaluate", only.GetProperty("url").GetString());
        Assert.Single(dashboards.Body.EnumerateArray());
        Assert.Equal(3, all.Body.GetArrayLength());
    }

    [Fact]
    public async Task RevokeShare_Returns204_ListsItOnlyWithIncludeRevoked_AndTheUrlStopsWorking()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/shares/{shareId}")).Status);

        Assert.Empty((await admin.GetAsync("/api/v1/shares")).Body.EnumerateArray());
        var revoked = Assert.Single((await admin.GetAsync("/api/v1/shares?includeRevoked=true")).Body.EnumerateArray());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, revoked.GetProperty("revoked").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/shares/{shareId}")).Status);
    }

    [Fact]
    public async Task Policy_ReportsTheEffectiveValueAndWhenItLastChanged()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var before = await admin.GetAsync("/api/v1/policy");
        await admin.DisableSharingAsync();
        var after = await admin.GetAsync("/api/v1/policy");

        Assert.True(before.Body.GetProperty("sharingEnabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.Body.GetProperty("lastModified").ValueKind);
        Assert.False(after.Body.GetProperty("sharingEnabled").GetBoolean());
        Assert.True(after.Body.GetProperty("lastModified").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Audit_LimitReturnsTheNewestEntries()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.DisableSharingAsync();
        await admin.EnableSharingAsync();
        await admin.DisableSharingAsync();

        var newest = Assert.Single((await admin.GetAsync("/api/v1/audit?limit=1")).Body.EnumerateArray());

        Assert.False(newest.GetProperty("newValue").GetBoolean());
        Assert.Equal(3, newest.GetProperty("id").GetInt64());
    }
}
