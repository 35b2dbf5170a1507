using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>PUT files/file/{id}/links with a linkId no link has yet: the platform makes the link with that id.</summary>
public sealed class PlatformChosenLinkIdTests
{
    [Fact]
    public async Task TheSameNewLinkIdSentManyTimesAtOnce_MakesOneLink_AndEveryAnswerHoldsItsKey()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadToPlatformAsync();
        var linkId = Guid.NewGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { linkId, title = "Chosen" })));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        var stored = (await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Response.EnumerateArray().Single();
        var key = stored.GetProperty("sharedTo").GetProperty("requestToken").GetString();
        Assert.Equal(linkId, stored.GetProperty("sharedTo").GetProperty("id").GetGuid());
        Assert.All(answers, answer => Assert.Equal(key, answer.Response.GetProperty("sharedTo").GetProperty("requestToken").GetString()));
    }

    [Fact]
    public async Task TheSameNewLinkIdSentForTwoFilesAtOnce_MakesOneLink_AndRefusesTheOtherWith400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var first = await admin.UploadToPlatformAsync();
        var second = await admin.UploadToPlatformAsync();
        var linkId = Guid.NewGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            admin.PutAsync($"/api/2.0/files/file/{(i % 2 == 0 ? first : second)}/links", new { linkId, title = "Chosen" })));

        Assert.All(answers, answer => Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)answer.Status}"));
        var links = new[] { first, second }.Select(async file => (await admin.GetAsync($"/api/2.0/files/file/{file}/links")).Response.GetArrayLength());
        Assert.Equal(1, (await Task.WhenAll(links)).Sum());
    }
}
