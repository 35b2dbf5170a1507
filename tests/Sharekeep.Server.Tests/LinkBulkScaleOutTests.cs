using System.Net;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Postgres;

namespace Sharekeep.Server.Tests;

/// <summary>Two server processes over one PostgreSQL database: a bulk action on one is obeyed by the other at once.</summary>
[Trait("Database", "postgres")]
public sealed class LinkBulkScaleOutTests
{
    /// <summary>
    /// Notices arrive within milliseconds; without them an instance stops trusting its memory after the listener's
    /// lease. The deadline is that bound, with room for the two requests of each try on a busy machine.
    /// </summary>
    private static readonly TimeSpan PropagationBound = PostgresChangeListener.Lease + TimeSpan.FromSeconds(2);

    [PostgresFact]
    public async Task Rotate_OnOneInstance_KillsTheOldKeysOnTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var adminB = TwoInstances.Admin(instances.Second);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var fileId = await adminB.UploadFileAsync();
        var link = (await adminB.PostAsync($"/api/v1/files/{fileId}/links", new { title = "rotated" })).Body;
        var filePath = new Uri(link.GetProperty("url").GetString()!).PathAndQuery;
        var share = await adminB.ShareReportAsync(await adminB.CreateReportAsync());
        var sharePath = $"/api/external/share/report/{share}/evaluate";
        // B reads (and keeps in memory) both old keys before A rotates them.
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(filePath)).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(sharePath)).Status);

        var answer = await adminA.PostAsync("/api/v1/links/bulk", new { action = "rotate" });

        Assert.Equal(2, answer.Body.GetProperty("count").GetInt64());
        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(filePath)).Status == HttpStatusCode.NotFound, PropagationBound));
        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(sharePath)).Status == HttpStatusCode.NotFound, PropagationBound));
        var newFile = answer.Body.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "file");
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(new Uri(newFile.GetProperty("url").GetString()!).PathAndQuery)).Status);
    }
}
