using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>GET /api/v1/links: every share and file link in one filtered, sorted, keyset-paged list.</summary>
public sealed class LinkInventoryApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SharekeepApplication _app = null!;
    private SharekeepClient _admin = null!;
    private InventorySeed _seed = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(_clock));
        _admin = _app.Admin();
        _seed = await InventorySeed.MakeAsync(_admin, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<List<string>> IdsAsync(string query)
    {
        var answer = await _admin.GetAsync("/api/v1/links" + query);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Body.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task List_WithoutParameters_AnswersEveryLinkNewestFirst()
    {
        Assert.Equal(_seed.NewestFirst, await IdsAsync(""));
    }

    [Fact]
    public async Task List_DescribesEachLinkAsTheContractSays()
    {
        var links = (await _admin.GetAsync("/api/v1/links")).Body.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);

        var share = links[_seed.Report];
        Assert.Equal("report", share.GetProperty("kind").GetString());
        Assert.Equal(_seed.ReportId, share.GetProperty("resourceId").GetGuid());
        Assert.Equal("Quarterly sales", share.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, share.GetProperty("denyDownload").ValueKind);
        Assert.EndsWith("/share/report/" + _seed.Report, share.GetProperty("url").GetString(), StringComparison.Ordinal);
        var file = links[_seed.PasswordFile];
        Assert.Equal("file", file.GetProperty("kind").GetString());
        Assert.Equal("budget.xlsx", file.GetProperty("name").GetString());
        Assert.Equal("Auditors", file.GetProperty("title").GetString());
        Assert.True(file.GetProperty("hasPassword").GetBoolean());
        Assert.False(file.GetProperty("primary").GetBoolean());
        Assert.StartsWith("http", file.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("expired", links[_seed.ExpiredFile].GetProperty("state").GetString());
        Assert.Equal("revoked", links[_seed.RevokedReport].GetProperty("state").GetString());
        Assert.Equal("active", links[_seed.Dashboard].GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("?kind=file", "ExpiredFile,PasswordFile,OpenFile")]
    [InlineData("?kind=report,dashboard", "RevokedReport,Dashboard,Report")]
    [InlineData("?kind=dashboard", "Dashboard")]
    [InlineData("?state=active", "PasswordFile,OpenFile,Dashboard,Report")]
    [InlineData("?state=expired", "ExpiredFile")]
    [InlineData("?state=revoked", "RevokedReport")]
    [InlineData("?state=expired,revoked", "ExpiredFile,RevokedReport")]
    [InlineData("?hasPassword=true", "PasswordFile")]
    [InlineData("?hasPassword=false", "ExpiredFile,RevokedReport,OpenFile,Dashboard,Report")]
    [InlineData("?q=quarterly", "Report")]
    [InlineData("?q=AUDITORS", "PasswordFile")]
    [InlineData("?q=notes", "ExpiredFile,OpenFile")]
    [InlineData("?kind=file&state=active", "PasswordFile,OpenFile")]
    public async Task List_Filtered_AnswersExactlyTheMatchingLinks(string query, string expected)
    {
        Assert.Equal(Named(expected), await IdsAsync(query));
    }

    [Fact]
    public async Task List_ByResourceOrFile_AnswersItsLinksOnly()
    {
        Assert.Equal([_seed.Report], await IdsAsync($"?resourceId={_seed.ReportId}"));
        Assert.Equal([_seed.ExpiredFile, _seed.OpenFile], await IdsAsync($"?fileId={_seed.NotesFileId}"));
    }

    [Fact]
    public async Task List_ByDenyDownload_AnswersTheFileLinksWithThatSetting_AndNoShareEitherWay()
    {
        await MakeViewOnlyAsync(_seed.PasswordFile);

        Assert.Equal([_seed.PasswordFile], await IdsAsync("?denyDownload=true"));
        Assert.Equal(Named("ExpiredFile,OpenFile"), await IdsAsync("?denyDownload=false"));
    }

    private async Task MakeViewOnlyAsync(string fileLink)
    {
        var answer = await _admin.PostAsync("/api/v1/links/bulk", new { action = "set-deny-download", filter = new { q = "Auditors" } });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(fileLink, Assert.Single(answer.Body.GetProperty("links").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task List_ByCreationTime_IsStrictOnBothEnds()
    {
        // The seed made one link a minute, the report's share first at Start + 1 minute.
        var third = Uri.EscapeDataString(_seed.Start.AddMinutes(3).ToString("O"));
        var fifth = Uri.EscapeDataString(_seed.Start.AddMinutes(5).ToString("O"));

        Assert.Equal([_seed.PasswordFile], await IdsAsync($"?createdAfter={third}&createdBefore={fifth}"));
    }

    [Fact]
    public async Task List_ByExpiry_LeavesOutLinksThatNeverExpire()
    {
        var inSixDays = Uri.EscapeDataString(_seed.Start.AddDays(6).ToString("O"));

        Assert.Equal([_seed.Report], await IdsAsync($"?expiresAfter={inSixDays}"));
        Assert.Equal([_seed.ExpiredFile, _seed.OpenFile], await IdsAsync($"?expiresBefore={inSixDays}"));
    }

    [Fact]
    public async Task List_SortedByCreation_IsOldestFirst()
    {
        Assert.Equal(_seed.NewestFirst.Reverse(), await IdsAsync("?sort=created"));
    }

    [Fact]
    public async Task List_SortedByExpiry_PutsLinksThatNeverExpireLast_AndDescendingIsTheExactReverse()
    {
        var ascending = await IdsAsync("?sort=expires");

        Assert.Equal([_seed.ExpiredFile, _seed.OpenFile, _seed.Report], ascending.Take(3));
        // Among links that never expire, shares come before file links (and each table orders its own by key).
        Assert.Equal(new[] { _seed.Dashboard, _seed.RevokedReport }.Order(StringComparer.Ordinal), ascending.Skip(3).Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(_seed.PasswordFile, ascending[5]);
        Assert.Equal(Enumerable.Reverse(ascending), await IdsAsync("?sort=-expires"));
    }

    private List<string> Named(string names) => [.. names.Split(',').Select(n => n switch
    {
        "Report" => _seed.Report,
        "Dashboard" => _seed.Dashboard,
        "OpenFile" => _seed.OpenFile,
        "PasswordFile" => _seed.PasswordFile,
        "RevokedReport" => _seed.RevokedReport,
        _ => _seed.ExpiredFile,
    })];
}
