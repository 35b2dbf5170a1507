using System.Net;
using System.Text;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Names and titles that would read as something else: refused on every surface, nothing stored.</summary>
public sealed class HiddenFormattingTests
{
    private const string Disguised = "invoice\u202Efdp.exe";

    [Fact]
    public async Task UploadNamedWithADirectionOverride_Is400_AndStoresNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.UploadAsync(Disguised, Encoding.UTF8.GetBytes("MZ"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(0, (await admin.GetAsync("/api/v1/files")).Body.GetArrayLength());
    }

    [Fact]
    public async Task LinkTitledWithADirectionOverride_Is400InThePlatformsEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();

        var answer = await admin.PutAsync($"/api/2.0/files/file/{fileId}/links", new { title = Disguised });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("title", answer.PlatformError, StringComparison.Ordinal);
        Assert.Equal(0, (await admin.GetAsync($"/api/2.0/files/file/{fileId}/links")).Body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ReportNamedWithADirectionOverride_Is400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/reports", new { name = Disguised, data = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(0, (await admin.GetAsync("/api/v1/reports")).Body.GetArrayLength());
    }
}
