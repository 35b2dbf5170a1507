using Sharekeep.Core.Policy;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class PolicyServiceTests
{
    [Fact]
    public async Task Get_BeforeAnyChange_ReportsTheConfiguredValueAndNoLastModified()
    {
        var domain = new Domain(sharingConfigured: false);

        var policy = await domain.Policy.GetAsync(CancellationToken.None);

        Assert.Equal(new SharingPolicy(false, true, false, null), policy);
    }

    [Fact]
    public async Task Set_Twice_RecordsOneChangeAndWritesOnce()
    {
        var domain = new Domain();

        var first = await domain.Policy.SetAsync(PolicySetting.Sharing, false, Domain.Admin, CancellationToken.None);
        var second = await domain.Policy.SetAsync(PolicySetting.Sharing, false, Domain.Admin, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(1, domain.PolicyStore.Writes);
        Assert.Single(domain.PolicyStore.Changes);
    }

    [Fact]
    public async Task Set_StampsTheChangeWithTheClock()
    {
        var domain = new Domain();
        domain.Clock.Advance(TimeSpan.FromHours(3));

        await domain.Policy.SetAsync(PolicySetting.Sharing, false, Domain.Admin, CancellationToken.None);

        Assert.Equal(domain.Clock.GetUtcNow(), (await domain.Policy.GetAsync(CancellationToken.None)).LastModified);
    }
}
