using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>Link events from the bulk actions, the expiry sweep and the activity flush.</summary>
public sealed class WebhookLinkEventTests
{
    [Fact]
    public async Task BulkRevoke_SendsOneEventPerRevokedLink()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        await Webhooks.RegisterAsync(admin, receiver.Url(), "link.revoked");
        List<Guid> reports = [await admin.CreateReportAsync("a"), await admin.CreateReportAsync("b"), await admin.CreateReportAsync("c")];
        foreach (var report in reports)
        {
            await admin.ShareReportAsync(report);
        }

        var bulk = await admin.PostAsync("/api/v1/links/bulk", new { action = "revoke", filter = new { kind = "report" } });

        Assert.Equal(HttpStatusCode.OK, bulk.Status);
        var received = await receiver.WaitForAsync(r => r.Count >= 3);
        Assert.Equal(3, received.Count);
        Assert.Equal(reports.Order(), received.Select(r => r.Json.GetProperty("data").GetProperty("resourceId").GetGuid()).Order());
        Assert.All(received, r => Assert.Equal("link.revoked", r.Json.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ExpiryPassing_SendsLinkExpiredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = Webhooks.FastSettings();
        settings["Sharekeep:Webhooks:ExpirySweepSeconds"] = "1";
        await using var app = new SharekeepApplication(settings: settings);
        using var admin = app.Admin();
        await Webhooks.RegisterAsync(admin, receiver.Url(), "link.expired");
        var report = await admin.CreateReportAsync();
        await admin.ShareReportAsync(report);
        var expires = DateTimeOffset.UtcNow.AddSeconds(2);

        var bulk = await admin.PostAsync("/api/v1/links/bulk", new { action = "expire-at", expiresAt = expires, filter = new { kind = "report" } });

        Assert.Equal(HttpStatusCode.OK, bulk.Status);
        var request = Assert.Single(await receiver.WaitForAsync(r => r.Count > 0));
        Assert.Equal("link.expired", request.Json.GetProperty("type").GetString());
        Assert.Equal(report, request.Json.GetProperty("data").GetProperty("resourceId").GetGuid());
        // Later sweeps have passed the link's expiry: a second report shared and expired is the only other event.
        var other = await admin.CreateReportAsync("other");
        await admin.ShareReportAsync(other);
        await admin.PostAsync("/api/v1/links/bulk", new { action = "expire-at", expiresAt = DateTimeOffset.UtcNow.AddSeconds(2), filter = new { resourceId = other } });
        var both = await receiver.WaitForAsync(r => r.Count >= 2);
        Assert.Equal([report, other], both.Select(r => r.Json.GetProperty("data").GetProperty("resourceId").GetGuid()));
    }

    [Fact]
    public async Task FirstViewOfALink_SendsLinkFirstViewOnce_WithoutItsKey()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        await Webhooks.RegisterAsync(admin, receiver.Url(), "link.first_view");
        var report = await admin.CreateReportAsync();
        var key = await admin.ShareReportAsync(report);
        var other = await admin.CreateReportAsync("other");
        var otherKey = await admin.ShareReportAsync(other);

        await VisitAsync(visitor, $"/share/report/{key}");
        await ActivityHarness.FlushAsync(app);
        await VisitAsync(visitor, $"/share/report/{key}");
        await ActivityHarness.FlushAsync(app);
        // The other link's first view comes after every later view of the first: had those sent one, it would be here.
        await VisitAsync(visitor, $"/share/report/{otherKey}");
        await ActivityHarness.FlushAsync(app);

        var received = await receiver.WaitForAsync(r => r.Count >= 2);
        Assert.Equal(new[] { report, other }.Order(), received.Select(r => r.Json.GetProperty("data").GetProperty("resourceId").GetGuid()).Order());
        Assert.All(received, r => Assert.Equal("link.first_view", r.Json.GetProperty("type").GetString()));
        Assert.All(received, r => Assert.DoesNotContain(key, r.Json.GetRawText(), StringComparison.Ordinal));
    }

    private static async Task VisitAsync(SharekeepClient visitor, string path) =>
        Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(ActivityHarness.Get(path))).Status);
}
