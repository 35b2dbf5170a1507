using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The value set through the API is persisted and outranks the configuration file, across restarts.</summary>
public sealed class PolicyPersistenceTests
{
    private static Dictionary<string, string?> Configured(bool enabled) =>
        new() { ["Sharekeep:Sharing:Enabled"] = enabled ? "true" : "false" };

    [Fact]
    public async Task ConfiguredValue_HoldsUntilTheApiSetsOne()
    {
        await using var app = new SharekeepApplication(settings: Configured(false));
        using var admin = app.Admin();

        var policy = await admin.GetAsync("/api/v1/policy");
        var share = await admin.PostAsync("/api/share/report", new { reportId = await admin.CreateReportAsync() });

        Assert.False(policy.Body.GetProperty("sharingEnabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, policy.Body.GetProperty("lastModified").ValueKind);
        Assert.Equal("sharingNotAllowed", share.ErrorCode);
    }

    [Fact]
    public async Task Disable_SurvivesRestartWithSharingEnabledInConfiguration()
    {
        var directory = TempDirectory.Create();
        string shareId;
        await using (var first = new SharekeepApplication(directory, Configured(true)))
        {
            using var admin = first.Admin();
            shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
            await admin.DisableSharingAsync();
        }

        await using var second = new SharekeepApplication(directory, Configured(true));
        using var visitor = second.Visitor();
        using var again = second.Admin();

        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
        Assert.False((await again.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task Enable_SurvivesRestartWithSharingDisabledInConfiguration()
    {
        var directory = TempDirectory.Create();
        string shareId;
        await using (var first = new SharekeepApplication(directory, Configured(false)))
        {
            using var admin = first.Admin();
            await admin.EnableSharingAsync();
            shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
        }

        await using var second = new SharekeepApplication(directory, Configured(false));
        using var visitor = second.Visitor();

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task EnableMatchingTheConfiguration_StillPinsTheValueAgainstALaterConfigurationChange()
    {
        var directory = TempDirectory.Create();
        await using (var first = new SharekeepApplication(directory, Configured(true)))
        {
            using var admin = first.Admin();
            await admin.EnableSharingAsync();
            Assert.Empty((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());
        }

        await using var second = new SharekeepApplication(directory, Configured(false));
        using var again = second.Admin();

        Assert.True((await again.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task SharesAndAudit_SurviveRestart()
    {
        var directory = TempDirectory.Create();
        string shareId;
        await using (var first = new SharekeepApplication(directory))
        {
            using var admin = first.Admin();
            shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());
            await admin.DisableSharingAsync();
            await admin.EnableSharingAsync();
        }

        await using var second = new SharekeepApplication(directory);
        using var visitor = second.Visitor();
        using var again = second.Admin();

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/report/{shareId}/evaluate")).Status);
        var actions = (await again.GetAsync("/api/v1/audit")).Body.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["sharing.switched", "sharing.switched", "share.created", "report.created"], actions);
        TempDirectory.Delete(directory);
    }
}
