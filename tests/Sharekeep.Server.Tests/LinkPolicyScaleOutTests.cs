using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Two server processes over one PostgreSQL database: a link policy set on one is obeyed by the other.</summary>
[Trait("Database", "postgres")]
public sealed class LinkPolicyScaleOutTests
{
    [PostgresFact]
    public async Task PolicySetOnOneInstance_IsObeyedByTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var adminB = TwoInstances.Admin(instances.Second);
        var fileId = await adminB.UploadFileAsync();
        var longLink = new { expires = DateTimeOffset.UtcNow.AddDays(60) };
        // B reads (and caches) the policy before A changes it.
        Assert.Equal(HttpStatusCode.Created, (await adminB.PostAsync($"/api/v1/files/{fileId}/links", longLink)).Status);

        await LinkPolicies.SetAsync(adminA, LinkPolicies.Body(fileMaxDays: 30));

        Assert.True(await Eventually.HoldsAsync(async () =>
            (await adminB.PostAsync($"/api/v1/files/{fileId}/links", longLink)).Status == HttpStatusCode.BadRequest));
        Assert.Equal(30, (await adminB.GetAsync("/api/v1/link-policy")).Body.GetProperty("fileLinks").GetProperty("maxLifetimeDays").GetInt32());
    }
}
