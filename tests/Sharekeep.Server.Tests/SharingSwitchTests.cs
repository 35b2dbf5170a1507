using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>POST /api/public/share/enable and /disable, as seeds 000 and 001 describe them.</summary>
public sealed class SharingSwitchTests
{
    [Theory]
    [InlineData("/api/public/share/enable")]
    [InlineData("/api/public/share/disable")]
    public async Task Switch_WithSecret_Returns204WithNoContent(string path)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync(path);

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal("", answer.Text);
    }

    [Fact]
    public async Task Disable_MakesExistingReportShareAnswer401SharingDisabled()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await admin.DisableSharingAsync();
        var answer = await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("notAuthorizedError", answer.ErrorCode);
        Assert.Equal("Sharing has been disabled by configuration", answer.Body.GetProperty("detailedMessage").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.Body.GetProperty("errorMessage").GetString()));
    }

    [Fact]
    public async Task Enable_AfterDisable_MakesTheSameUrlsWorkAgain()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var reportId = await admin.CreateReportAsync();
        var dashboardId = await admin.CreateDashboardAsync(reportId);
        string[] urls =
        [
            $"/api/external/share/report/{await admin.ShareReportAsync(reportId)}/evaluate",
            $"/api/external/share/dashboard/{await admin.ShareDashboardAsync(dashboardId)}/evaluate",
        ];
        urls = [.. urls, urls[1].Replace("/evaluate", $"/report/{reportId}/evaluate", StringComparison.Ordinal)];
        var before = new List<string>();
        foreach (var url in urls)
        {
            before.Add((await visitor.GetAsync(url)).Text);
        }

        await admin.DisableSharingAsync();
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync(url)).Status);
        }
        await admin.EnableSharingAsync();

        for (var i = 0; i < urls.Length; i++)
        {
            var again = await visitor.GetAsync(urls[i]);
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Equal(before[i], again.Text);
        }
    }

    [Fact]
    public async Task Disable_DeletesNoShare()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await admin.DisableSharingAsync();
        var shares = await admin.GetAsync("/api/v1/shares");

        Assert.Equal(shareId, Assert.Single(shares.Body.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Disable_WhenAlreadyDisabled_Returns204AndChangesNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.DisableSharingAsync();
        var policyBefore = (await admin.GetAsync("/api/v1/policy")).Text;

        await admin.DisableSharingAsync();

        Assert.Equal(policyBefore, (await admin.GetAsync("/api/v1/policy")).Text);
        Assert.Single((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Enable_WhenAlreadyEnabled_Returns204AndWritesNoAuditEntry()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        await admin.EnableSharingAsync();
        await admin.EnableSharingAsync();

        Assert.Empty((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());
        Assert.True((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task EachChange_IsAuditedWithTimeOldValueAndNewValue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();

        await admin.DisableSharingAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        await admin.EnableSharingAsync();
        var audit = (await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray().ToList();

        Assert.Equal(2, audit.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 5, 0, TimeSpan.Zero), audit[0].GetProperty("at").GetDateTimeOffset());
        Assert.False(audit[0].GetProperty("oldValue").GetBoolean());
        Assert.True(audit[0].GetProperty("newValue").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), audit[1].GetProperty("at").GetDateTimeOffset());
        Assert.True(audit[1].GetProperty("oldValue").GetBoolean());
        Assert.False(audit[1].GetProperty("newValue").GetBoolean());
        Assert.All(audit, e => Assert.Equal("sharing", e.GetProperty("setting").GetString()));
    }

    [Fact]
    public async Task ConcurrentSwitches_AllSucceedAndLeaveAConsistentAuditTrail()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            admin.PostAsync(i % 2 == 0 ? "/api/public/share/disable" : "/api/public/share/enable")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.Status));
        var audit = (await admin.GetAsync("/api/v1/audit?limit=1000")).Body.EnumerateArray().Reverse().ToList();
        var current = true;
        foreach (var entry in audit)
        {
            Assert.Equal(current, entry.GetProperty("oldValue").GetBoolean());
            Assert.NotEqual(current, entry.GetProperty("newValue").GetBoolean());
            current = entry.GetProperty("newValue").GetBoolean();
        }
        Assert.Equal(current, (await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
    }
}
