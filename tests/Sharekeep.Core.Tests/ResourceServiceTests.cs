using Sharekeep.Core.Resources;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class ResourceServiceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    [InlineData("Sales\u202Eslx.exe")]
    public async Task CreateReport_WithABadName_IsRefusedAndStoresNothing(string? name)
    {
        var domain = new Domain();

        var created = await domain.Resources.CreateReportAsync(name, "1", Domain.Admin, CancellationToken.None);

        Assert.Null(created.Value);
        Assert.True(created.Errors!.ToDictionary().ContainsKey("name"));
        Assert.Empty(await domain.ResourceStore.ListReportsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CreateReport_TrimsTheNameAndKeepsTheData()
    {
        var domain = new Domain();

        var report = (await domain.Resources.CreateReportAsync("  Sales  ", "[1,2]", Domain.Admin, CancellationToken.None)).Value!;

        Assert.Equal("Sales", report.Name);
        Assert.Equal("[1,2]", report.DataJson);
        Assert.Equal(domain.Clock.GetUtcNow(), report.Created);
    }

    [Fact]
    public async Task CreateReport_WithANameOfTheMaximumLength_IsAccepted()
    {
        var domain = new Domain();

        var created = await domain.Resources.CreateReportAsync(new string('x', ResourceRules.MaxNameLength), "1", Domain.Admin, CancellationToken.None);

        Assert.NotNull(created.Value);
    }

    [Fact]
    public async Task CreateDashboard_NamesEveryUnknownReport()
    {
        var domain = new Domain();
        var known = await domain.NewReportAsync();
        Guid[] unknown = [Guid.NewGuid(), Guid.NewGuid()];

        var created = await domain.Resources.CreateDashboardAsync("D", [known.Id, .. unknown], Domain.Admin, CancellationToken.None);

        var messages = created.Errors!.ToDictionary()["reportIds"];
        Assert.Equal(2, messages.Length);
        Assert.All(unknown, id => Assert.Contains(messages, m => m.Contains(id.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreateDashboard_WithTooManyReports_IsRefused()
    {
        var domain = new Domain();
        var ids = new List<Guid>();
        for (var i = 0; i <= ResourceRules.MaxReportsPerDashboard; i++)
        {
            ids.Add((await domain.NewReportAsync($"Report {i}")).Id);
        }

        var created = await domain.Resources.CreateDashboardAsync("D", ids, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, created.Status);
        Assert.Equal([$"A dashboard holds at most {ResourceRules.MaxReportsPerDashboard} reports."], created.Errors!.ToDictionary()["reportIds"]);
    }

    [Fact]
    public async Task CreateDashboard_WithAsManyReportsAsAllowed_IsCreated()
    {
        var domain = new Domain();
        var ids = new List<Guid>();
        for (var i = 0; i < ResourceRules.MaxReportsPerDashboard; i++)
        {
            ids.Add((await domain.NewReportAsync($"Report {i}")).Id);
        }

        var created = await domain.Resources.CreateDashboardAsync("D", ids, Domain.Admin, CancellationToken.None);

        Assert.True(created.IsOk);
        Assert.Equal(ids, created.Value!.ReportIds);
    }

    [Fact]
    public async Task CreateDashboard_WithoutReports_IsAllowed()
    {
        var domain = new Domain();

        var created = await domain.Resources.CreateDashboardAsync("Empty for now", null, Domain.Admin, CancellationToken.None);

        Assert.Empty(created.Value!.ReportIds);
    }
}
