using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class LinkPolicyServiceTests
{
    private static readonly LinkPolicy Strict = new(
        new FileLinkRules(7, 30, RequirePassword: true, MinPasswordLength: 12, DenyDownloadByDefault: true), new ShareRules(14, 90));

    [Fact]
    public async Task Get_BeforeAnySet_IsTheConfiguredPolicy()
    {
        var domain = new Domain(configuredLinkPolicy: Strict);

        var current = await domain.LinkPolicy.GetAsync(CancellationToken.None);

        Assert.Equal(Strict, current.Policy);
        Assert.Null(current.LastModified);
    }

    [Fact]
    public async Task Set_AnInvalidPolicy_IsRefusedAndWritesNothing()
    {
        var domain = new Domain();

        var outcome = await domain.LinkPolicy.SetAsync(
            new LinkPolicy(FileLinkRules.None with { MinPasswordLength = 4 }, ShareRules.None), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.True(outcome.Errors!.Names("fileLinks.minPasswordLength"));
        Assert.Equal(0, domain.LinkPolicyStore.Writes);
    }

    [Fact]
    public async Task Set_Twice_WritesAndAuditsOnce()
    {
        var domain = new Domain();

        await domain.LinkPolicy.SetAsync(Strict, Domain.Admin, CancellationToken.None);
        var again = await domain.LinkPolicy.SetAsync(Strict, Domain.Admin, CancellationToken.None);

        Assert.Null(again.Value!.Change);
        Assert.Equal(1, domain.LinkPolicyStore.Writes);
        Assert.Single(domain.LinkPolicyStore.Audit);
    }

    [Fact]
    public async Task CreateFileLink_UnderThePolicy_GetsTheDefaultLifetimeAndViewOnly()
    {
        var domain = new Domain(configuredLinkPolicy: Strict);
        var file = await domain.NewFileAsync();

        var created = await domain.Links.CreateAsync(file.Id, null, new LinkSettings { Password = "long enough pw" }, Domain.Admin, CancellationToken.None);

        Assert.Equal(domain.Clock.GetUtcNow().AddDays(7), created.Value!.Expires);
        Assert.True(created.Value.DenyDownload);
    }

    [Fact]
    public async Task CreateFileLink_BeyondTheMaximum_IsRefusedAndStoresNothing()
    {
        var domain = new Domain(configuredLinkPolicy: Strict);
        var file = await domain.NewFileAsync();

        var created = await domain.Links.CreateAsync(
            file.Id, null, new LinkSettings { Password = "long enough pw", Expires = domain.Clock.GetUtcNow().AddDays(31) }, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, created.Status);
        Assert.Empty(domain.LinkStore.Links);
    }

    [Fact]
    public async Task Share_UnderThePolicy_GetsTheDefaultLifetime()
    {
        var domain = new Domain(configuredLinkPolicy: Strict);
        var report = await domain.NewReportAsync();

        var shared = await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None);

        Assert.Equal(domain.Clock.GetUtcNow().AddDays(14), shared.Value!.Expires);
    }

    [Fact]
    public async Task OpenShare_OnceExpired_IsUnknown()
    {
        var domain = new Domain(configuredLinkPolicy: Strict);
        var report = await domain.NewReportAsync();
        var shared = (await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None)).Value!;

        domain.Clock.Advance(TimeSpan.FromDays(14));

        Assert.Equal(OutcomeStatus.NotFound, (await domain.Sharing.OpenAsync(ResourceKind.Report, shared.Key, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Share_AfterTheActiveShareExpired_MakesANewOne()
    {
        var domain = new Domain(configuredLinkPolicy: Strict);
        var report = await domain.NewReportAsync();
        var first = (await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None)).Value!;
        domain.Clock.Advance(TimeSpan.FromDays(15));

        var second = (await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None)).Value!;

        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal(OutcomeStatus.Ok, (await domain.Sharing.OpenAsync(ResourceKind.Report, second.Key, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task ListViolations_AfterTighteningThePolicy_ListsTheLinksMadeBefore()
    {
        var domain = new Domain();
        var open = await domain.NewLinkAsync();
        var report = await domain.NewReportAsync();
        await domain.Sharing.ShareAsync(ResourceKind.Report, report.Id, null, Domain.Admin, CancellationToken.None);

        await domain.LinkPolicy.SetAsync(Strict, Domain.Admin, CancellationToken.None);
        var violations = await domain.LinkPolicy.ListViolationsAsync(10, CancellationToken.None);

        Assert.False(violations.Truncated);
        Assert.Equal(2, violations.Links.Count);
        Assert.Equal(["fileLinks.maxLifetimeDays", "fileLinks.requirePassword"], violations.Links.Single(v => v.FileLink is not null).Rules);
        Assert.Equal(open.Id, violations.Links.Single(v => v.FileLink is not null).FileLink!.Link.Id);
        Assert.Equal(["shares.maxLifetimeDays"], violations.Links.Single(v => v.Share is not null).Rules);
    }

    [Fact]
    public async Task ListViolations_MoreThanTheLimit_IsTruncated()
    {
        var domain = new Domain();
        await domain.NewLinkAsync();
        await domain.NewLinkAsync();
        await domain.LinkPolicy.SetAsync(Strict, Domain.Admin, CancellationToken.None);

        var violations = await domain.LinkPolicy.ListViolationsAsync(1, CancellationToken.None);

        Assert.Single(violations.Links);
        Assert.True(violations.Truncated);
    }
}
