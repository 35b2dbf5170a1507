using System.Net;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Two instances on one PostgreSQL database: what one is told, the other obeys without a restart.</summary>
[Trait("Database", "postgres")]
public sealed class ScaleOutTests
{
    [PostgresFact]
    public async Task SharingSwitchedOffOnOneInstance_IsObeyedByTheOther_AndTheSameUrlWorksAgainWhenSwitchedOn()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var shareId = await adminA.ShareReportAsync(await adminA.CreateReportAsync());
        var url = $"/api/external/share/report/{shareId}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(url)).Status);

        await adminA.DisableSharingAsync();

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(url)).Status == HttpStatusCode.Unauthorized));

        await adminA.EnableSharingAsync();

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(url)).Status == HttpStatusCode.OK));
    }

    [PostgresFact]
    public async Task ShareRevokedOnOneInstance_IsGoneOnTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var shareId = await adminA.ShareReportAsync(await adminA.CreateReportAsync());
        var url = $"/api/external/share/report/{shareId}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(url)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await adminA.DeleteAsync($"/api/share/report/{shareId}")).Status);

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(url)).Status == HttpStatusCode.NotFound));
    }

    /// <summary>Not eventually: keys are read from the database on every call, so the very next call is refused.</summary>
    [PostgresFact]
    public async Task ApiKeyRevokedOnOneInstance_IsRefusedByTheOtherAtOnce()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        var issued = await ApiKeys.CreateAsync(adminA, "read");
        using var keyOnB = new SharekeepClient(instances.Second.CreateClient(), issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await keyOnB.GetAsync("/api/v1/policy")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await adminA.DeleteAsync($"/api/v1/keys/{issued.Id}")).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await keyOnB.GetAsync("/api/v1/policy")).Status);
    }

    [PostgresFact]
    public async Task PasswordSetOnOneInstance_IsAskedForByTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var fileId = await adminA.UploadFileAsync();
        var link = await adminA.SetLinkAsync(fileId, new { title = "open" });
        var url = $"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}";
        Assert.Equal(ExternalShareStatus.Ok, (await visitorB.GetAsync(url)).ShareStatus);

        await adminA.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), password = "Secret123!" });

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(url)).ShareStatus == ExternalShareStatus.RequiredPassword));
    }

    [PostgresFact]
    public async Task AnUnlockCookieIssuedByOneInstance_OpensTheLinkOnTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        var cookies = new CookieContainer();
        using var browserOnA = TwoInstances.Browser(instances.First, cookies);
        using var browserOnB = TwoInstances.Browser(instances.Second, cookies);
        var key = await adminA.ShareFileAsync(new { password = "Secret123!" });
        var url = $"/api/2.0/files/share/{key}";
        Assert.Equal(ExternalShareStatus.Ok, (await browserOnA.PostAsync($"{url}/password", new { password = "Secret123!" })).ShareStatus);

        var onB = await browserOnB.GetAsync(url);

        Assert.Equal(ExternalShareStatus.Ok, onB.ShareStatus);
    }

    [PostgresFact]
    public async Task WrongPasswords_OnBothInstances_CountTogetherForTheLink()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorA = TwoInstances.Visitor(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var key = await adminA.ShareFileAsync(new { password = "Secret123!" });
        var url = $"/api/2.0/files/share/{key}/password";
        for (var i = 0; i < 5; i++)
        {
            var visitor = i < 3 ? visitorA : visitorB;
            Assert.Equal(ExternalShareStatus.InvalidPassword, (await visitor.PostAsync(url, new { password = $"Wrong-{i}" })).ShareStatus);
        }

        var onA = await visitorA.PostAsync(url, new { password = "Secret123!" });
        var onB = await visitorB.PostAsync(url, new { password = "Secret123!" });

        Assert.Equal(HttpStatusCode.TooManyRequests, onA.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, onB.Status);
    }

    [PostgresFact]
    public async Task LinkUnlockedOnOneInstance_TakesPasswordsOnTheOtherAtOnce()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var key = await adminA.ShareFileAsync(new { password = "Secret123!" });
        var url = $"/api/2.0/files/share/{key}/password";
        for (var i = 0; i < 5; i++)
        {
            await visitorB.PostAsync(url, new { password = $"Wrong-{i}" });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitorB.PostAsync(url, new { password = "Secret123!" })).Status);
        var linkId = (await adminA.GetAsync("/api/v1/locked-links")).Body[0].GetProperty("linkId").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await adminA.DeleteAsync($"/api/v1/locked-links/{linkId}")).Status);

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.PostAsync(url, new { password = "Secret123!" })).ShareStatus == ExternalShareStatus.Ok));
    }

    [PostgresFact]
    public async Task AnInstanceOnPostgresWithoutAKeyEncryptionKey_WarnsThatEveryInstanceNeedsTheSameOne()
    {
        var directory = TempDirectory.Create();
        await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = TwoInstances.Secret,
            ["Sharekeep__DataDirectory"] = directory,
        });

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            server.Output.Contains("Sharekeep:KeyEncryptionKey is not set: every instance must use the same key", StringComparison.Ordinal))));
        TempDirectory.Delete(directory);
    }

    [PostgresFact]
    public async Task FileDeletedOnOneInstance_IsGoneOnTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var fileId = await adminA.UploadFileAsync();
        var link = await adminA.SetLinkAsync(fileId, new { title = "open" });
        var content = $"/s/{link.GetProperty("requestToken").GetString()}/content";
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(content)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await adminA.DeleteAsync($"/api/v1/files/{fileId}")).Status);

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(content)).Status == HttpStatusCode.NotFound));
    }

    /// <summary>The other instance keeps the page rendered; the change notice that drops the link drops the page too.</summary>
    [PostgresFact]
    public async Task LinkMadeViewOnlyOnOneInstance_ItsPageOnTheOtherSaysSo()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var fileId = await adminA.UploadFileAsync();
        var link = await adminA.SetLinkAsync(fileId, new { title = "open" });
        var page = $"/s/{link.GetProperty("requestToken").GetString()}";
        Assert.Contains(">Download</a>", (await visitorB.GetAsync(page)).Text, StringComparison.Ordinal);
        Assert.Contains(">Download</a>", (await visitorB.GetAsync(page)).Text, StringComparison.Ordinal);

        await adminA.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), denyDownload = true });

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(page)).Text.Contains("viewing only", StringComparison.Ordinal)));
    }

    [PostgresFact]
    public async Task ChangesMadeWhileTheListenerIsCut_AreSeenAfterItReconnects()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var visitorB = TwoInstances.Visitor(instances.Second);
        var shareId = await adminA.ShareReportAsync(await adminA.CreateReportAsync());
        var url = $"/api/external/share/report/{shareId}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(url)).Status);

        Assert.Equal(2, await instances.TerminateListenersAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await adminA.DeleteAsync($"/api/share/report/{shareId}")).Status);

        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(url)).Status == HttpStatusCode.NotFound));
        Assert.True(await Eventually.HoldsAsync(async () => await instances.CountListenersAsync() == 2));
        Assert.Contains("lost its connection", instances.Second.Output, StringComparison.Ordinal);

        // Listening again: a later change still arrives.
        var second = await adminA.ShareReportAsync(await adminA.CreateReportAsync());
        var secondUrl = $"/api/external/share/report/{second}/evaluate";
        Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync(secondUrl)).Status);
        await adminA.DisableSharingAsync();
        Assert.True(await Eventually.HoldsAsync(async () => (await visitorB.GetAsync(secondUrl)).Status == HttpStatusCode.Unauthorized));
    }

    [PostgresFact]
    public async Task UploadsOnBothInstancesAtOnce_NeverShareAFileNumber()
    {
        await using var instances = await TwoInstances.StartAsync();
        using var adminA = TwoInstances.Admin(instances.First);
        using var adminB = TwoInstances.Admin(instances.Second);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? adminA : adminB).UploadToPlatformAsync($"f{i}.txt")));

        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(numbers.Min(), 20), numbers.Order());
    }
}
