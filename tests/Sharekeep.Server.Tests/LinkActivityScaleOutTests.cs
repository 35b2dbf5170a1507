using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Two server processes over one PostgreSQL database: both add to the same counts, and hash a visitor alike.</summary>
[Trait("Database", "postgres")]
public sealed class LinkActivityScaleOutTests
{
    [PostgresFact]
    public async Task ViewsOnBothInstances_AddUpInOneCount_AndOneVisitorIsOneVisitor()
    {
        await using var instances = await TwoInstances.StartAsync(new Dictionary<string, string?> { ["Sharekeep__Activity__FlushSeconds"] = "1" });
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorA = TwoInstances.Visitor(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var key = await adminA.ShareReportAsync(await adminA.CreateReportAsync());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitorA.SendAsync(ActivityHarness.Get($"/share/report/{key}"))).Status);
            Assert.Equal(HttpStatusCode.OK, (await visitorB.SendAsync(ActivityHarness.Get($"/share/report/{key}"))).Status);
        }

        Assert.True(await Eventually.HoldsAsync(async () =>
            (await adminA.GetAsync($"/api/v1/links/{key}/activity")).Body.GetProperty("totals").GetProperty("views").GetInt64() == 6));
        var totals = (await adminA.GetAsync($"/api/v1/links/{key}/activity")).Body.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("visitors").GetInt32());
    }
}
