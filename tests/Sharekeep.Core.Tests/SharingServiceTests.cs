using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class SharingServiceTests
{
    [Fact]
    public async Task Share_AnExistingReport_MakesOneActiveShareStampedWithTheClock()
    {
        var domain = new Domain();
        var report = await domain.NewReportAsync();

        var outcome = await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Ok, outcome.Status);
        Assert.Equal(report.Id, outcome.Value!.ResourceId);
        Assert.Equal(domain.Clock.GetUtcNow(), outcome.Value.Created);
        Assert.True(outcome.Value.IsActive);
    }

    [Fact]
    public async Task Share_Again_ReturnsTheSameShare()
    {
        var domain = new Domain();
        var report = await domain.NewReportAsync();

        var first = await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None);
        var second = await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None);

        Assert.Equal(first.Value, second.Value);
    }

    [Fact]
    public async Task Share_WhileSharingIsDisabled_IsRefusedAndStoresNothing()
    {
        var domain = new Domain(sharingConfigured: false);
        var report = await domain.NewReportAsync();

        var outcome = await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.SharingOff, outcome.Status);
        Assert.Empty(domain.ShareStore.Shares);
    }

    [Fact]
    public async Task Share_AnUnknownResource_IsNotFound()
    {
        var domain = new Domain();

        var outcome = await domain.Sharing.ShareAsync(ResourceKind.Dashboard, Guid.NewGuid(), null, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, outcome.Status);
    }

    [Fact]
    public async Task Open_WhileSharingIsDisabled_AnswersDisabledWithoutLookingTheKeyUp()
    {
        var domain = new Domain();
        var share = (await domain.Sharing.ShareAsync(ResourceKind.Report, (await domain.NewReportAsync()).Id, null, Domain.Admin, CancellationToken.None)).Value!;
        await domain.Policy.SetAsync(PolicySetting.Sharing, false, Domain.Admin, CancellationToken.None);

        var outcome = await domain.Sharing.OpenAsync(ResourceKind.Report, share.Key, CancellationToken.None);

        Assert.Equal(OutcomeStatus.SharingOff, outcome.Status);
        Assert.Equal(0, domain.ShareStore.Lookups);
    }

    [Fact]
    public async Task Open_AfterReEnabling_FindsTheSameShare()
    {
        var domain = new Domain();
        var share = (await domain.Sharing.ShareAsync(ResourceKind.Report, (await domain.NewReportAsync()).Id, null, Domain.Admin, CancellationToken.None)).Value!;
        await domain.Policy.SetAsync(PolicySetting.Sharing, false, Domain.Admin, CancellationToken.None);
        await domain.Policy.SetAsync(PolicySetting.Sharing, true, Domain.Admin, CancellationToken.None);

        var outcome = await domain.Sharing.OpenAsync(ResourceKind.Report, share.Key, CancellationToken.None);

        Assert.Equal(share, outcome.Value);
    }

    [Fact]
    public async Task Open_ARevokedShare_IsNotFound()
    {
        var domain = new Domain();
        var share = (await domain.Sharing.ShareAsync(ResourceKind.Report, (await domain.NewReportAsync()).Id, null, Domain.Admin, CancellationToken.None)).Value!;
        await domain.Sharing.RevokeAsync(share.Key, ResourceKind.Report, Domain.Admin, CancellationToken.None);

        var outcome = await domain.Sharing.OpenAsync(ResourceKind.Report, share.Key, CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, outcome.Status);
    }

    [Fact]
    public async Task Open_WithTheWrongKind_IsNotFound()
    {
        var domain = new Domain();
        var share = (await domain.Sharing.ShareAsync(ResourceKind.Report, (await domain.NewReportAsync()).Id, null, Domain.Admin, CancellationToken.None)).Value!;

        var outcome = await domain.Sharing.OpenAsync(ResourceKind.Dashboard, share.Key, CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, outcome.Status);
    }

    [Fact]
    public async Task Open_AMalformedKey_IsNotFoundWithoutALookup()
    {
        var domain = new Domain();

        var outcome = await domain.Sharing.OpenAsync(ResourceKind.Report, "../../etc/passwd", CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, outcome.Status);
        Assert.Equal(0, domain.ShareStore.Lookups);
    }

    [Fact]
    public async Task Revoke_WhileSharingIsDisabled_StillRevokes()
    {
        var domain = new Domain();
        var share = (await domain.Sharing.ShareAsync(ResourceKind.Report, (await domain.NewReportAsync()).Id, null, Domain.Admin, CancellationToken.None)).Value!;
        await domain.Policy.SetAsync(PolicySetting.Sharing, false, Domain.Admin, CancellationToken.None);

        Assert.True(await domain.Sharing.RevokeAsync(share.Key, null, Domain.Admin, CancellationToken.None));
        Assert.False(domain.ShareStore.Shares.Single().IsActive);
    }

    [Fact]
    public async Task OpenDashboardReport_OnlyReachesTheDashboardsOwnReports()
    {
        var domain = new Domain();
        var on = await domain.NewReportAsync("On");
        var off = await domain.NewReportAsync("Off");
        var dashboard = (await domain.Resources.CreateDashboardAsync("D", [on.Id], Domain.Admin, CancellationToken.None)).Value!;
        var share = (await domain.Sharing.ShareAsync(ResourceKind.Dashboard, dashboard.Id, null, Domain.Admin, CancellationToken.None)).Value!;

        var reachable = await domain.Views.OpenDashboardReportAsync(share.Key, on.Id, CancellationToken.None);
        var unreachable = await domain.Views.OpenDashboardReportAsync(share.Key, off.Id, CancellationToken.None);

        Assert.Equal(on, reachable.Value);
        Assert.Equal(OutcomeStatus.NotFound, unreachable.Status);
    }
}
