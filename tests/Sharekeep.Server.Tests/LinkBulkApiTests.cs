using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Inventory;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>POST /api/v1/links/bulk: what each action changes, what it skips, the dry run and the refusals.</summary>
public sealed class LinkBulkApiTests : IAsyncLifetime
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

    private async Task<Answer> BulkAsync(object body)
    {
        var answer = await _admin.PostAsync("/api/v1/links/bulk", body);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer;
    }

    private async Task<string> StateOfAsync(string id) =>
        (await _admin.GetAsync("/api/v1/links?limit=1000")).Body.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == id).GetProperty("state").GetString()!;

    [Fact]
    public async Task Rotate_GivesAReplacementShareNoLongerALifetimeThanTheLinkPolicyNowAllows()
    {
        var report = await _admin.CreateReportAsync("Never expires");
        var key = await _admin.ShareReportAsync(report);
        await LinkPolicies.SetAsync(_admin, LinkPolicies.Body(shareMaxDays: 30));

        var rotated = (await BulkAsync(new { action = "rotate", filter = new { resourceId = report } })).Body.GetProperty("links")
            .EnumerateArray().Single(l => l.GetProperty("previousId").GetString() == key);

        var expires = rotated.GetProperty("expires").GetDateTimeOffset();
        // The replacement is made a tick after the run began (the test clock stands still).
        Assert.True(expires <= _clock.GetUtcNow().AddDays(30).AddSeconds(1), $"The replacement expires {expires:O}.");
        var listed = (await _admin.GetAsync($"/api/v1/links?resourceId={report}&state=active")).Body.GetProperty("links").EnumerateArray().Single();
        Assert.Equal(expires, listed.GetProperty("expires").GetDateTimeOffset());
    }

    [Fact]
    public async Task ARealRun_IsOneAuditEntryWithItsFilterActionAndCount_AndADryRunIsNone()
    {
        await BulkAsync(new { action = "revoke", filter = new { kind = "file" }, dryRun = true });
        var real = (await BulkAsync(new { action = "revoke", filter = new { kind = "file" } })).Body;

        var entry = await AuditTrail.SingleAsync(_admin, "links.bulk");
        Assert.Equal("api-secret", entry.Actor());
        Assert.Equal("revoke", entry.GetProperty("details").GetProperty("action").GetString());
        Assert.Equal(real.GetProperty("count").GetInt64(), entry.GetProperty("details").GetProperty("count").GetInt64());
        Assert.Equal("file", entry.GetProperty("details").GetProperty("filter").GetProperty("kind")[0].GetString());
        Assert.True(entry.GetProperty("details").GetProperty("completed").GetBoolean());
    }

    [Theory]
    [InlineData("revoke")]
    [InlineData("rotate")]
    [InlineData("remove-password")]
    [InlineData("set-deny-download")]
    public async Task DryRun_CountsWhatTheRealRunThenChanges_AndChangesNothing(string action)
    {
        var before = (await _admin.GetAsync("/api/v1/links")).Text;

        var dry = (await BulkAsync(new { action, dryRun = true })).Body;
        var unchanged = (await _admin.GetAsync("/api/v1/links")).Text;
        var real = (await BulkAsync(new { action })).Body;
        _clock.Advance(TimeSpan.FromMinutes(1));
        var again = (await BulkAsync(new { action, dryRun = true })).Body;

        Assert.Equal(before, unchanged);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(dry.GetProperty("count").GetInt64(), real.GetProperty("count").GetInt64());
        // Only rotate leaves links it applies to again: the new ones.
        Assert.Equal(action == "rotate" ? real.GetProperty("count").GetInt64() : 0, again.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Revoke_OfEveryActiveLink_LeavesExpiredAndRevokedAlone()
    {
        var answer = (await BulkAsync(new { action = "revoke" })).Body;

        Assert.Equal(4, answer.GetProperty("count").GetInt64());
        Assert.Equal("expired", await StateOfAsync(_seed.ExpiredFile));
        Assert.Empty((await _admin.GetAsync("/api/v1/links?state=active")).Body.GetProperty("links").EnumerateArray());
        Assert.All(answer.GetProperty("links").EnumerateArray(), l => Assert.Equal("revoked", l.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Revoke_WithAFilter_ChangesOnlyTheMatchingLinks()
    {
        var answer = (await BulkAsync(new { action = "revoke", filter = new { kind = "file", q = "notes" } })).Body;

        Assert.Equal(1, answer.GetProperty("count").GetInt64());
        Assert.Equal("revoked", await StateOfAsync(_seed.OpenFile));
        Assert.Equal("active", await StateOfAsync(_seed.PasswordFile));
        Assert.Equal("active", await StateOfAsync(_seed.Report));
    }

    [Fact]
    public async Task RemovePassword_SkipsSharesAndOpenLinks()
    {
        var answer = (await BulkAsync(new { action = "remove-password", filter = new { state = new[] { "active", "expired", "revoked" } } })).Body;

        var changed = Assert.Single(answer.GetProperty("links").EnumerateArray());
        Assert.Equal(1, answer.GetProperty("count").GetInt64());
        Assert.Equal(_seed.PasswordFile, changed.GetProperty("id").GetString());
        Assert.False(changed.GetProperty("hasPassword").GetBoolean());
        Assert.Empty((await _admin.GetAsync("/api/v1/links?hasPassword=true")).Body.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task SetDenyDownload_SkipsShares()
    {
        var answer = (await BulkAsync(new { action = "set-deny-download", denyDownload = true })).Body;

        Assert.Equal(2, answer.GetProperty("count").GetInt64());
        Assert.All(answer.GetProperty("links").EnumerateArray(), l =>
        {
            Assert.Equal("file", l.GetProperty("kind").GetString());
            Assert.True(l.GetProperty("denyDownload").GetBoolean());
        });
    }

    [Fact]
    public async Task Revoke_FilteredByDenyDownloadFalse_RevokesTheFileLinksAllowingDownloads_AndNoShare()
    {
        await BulkAsync(new { action = "set-deny-download", filter = new { q = "Auditors" } });

        var answer = (await BulkAsync(new { action = "revoke", filter = new { denyDownload = false } })).Body;

        Assert.Equal([_seed.OpenFile], answer.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("active", await StateOfAsync(_seed.PasswordFile));
        Assert.Equal("active", await StateOfAsync(_seed.Report));
    }

    [Fact]
    public async Task SetDenyDownload_OverLinksAlreadySoByTheFilter_ChangesNothing()
    {
        var answer = (await BulkAsync(new { action = "set-deny-download", denyDownload = true, filter = new { denyDownload = true } })).Body;

        Assert.Equal(0, answer.GetProperty("count").GetInt64());
        Assert.Empty((await _admin.GetAsync("/api/v1/links?denyDownload=true")).Body.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task ExpireAt_SetsTheExpiryOfEveryMatchingLink()
    {
        var at = _clock.GetUtcNow().AddDays(1);

        var answer = (await BulkAsync(new { action = "expire-at", expiresAt = at, filter = new { kind = new[] { "report", "dashboard" } } })).Body;

        Assert.Equal(2, answer.GetProperty("count").GetInt64());
        Assert.All(answer.GetProperty("links").EnumerateArray(), l => Assert.Equal(at, l.GetProperty("expires").GetDateTimeOffset()));
        Assert.Equal(2, (await _admin.GetAsync("/api/v1/links?kind=report,dashboard&state=active&expiresBefore=" + Uri.EscapeDataString(at.AddSeconds(1).ToString("O")))).Body.GetProperty("links").GetArrayLength());
    }

    [Fact]
    public async Task Rotate_KillsTheOldKeys_KeepsTheResourcesShared_AndAnswersOldAndNew()
    {
        using var visitor = _app.Visitor();
        var oldFileUrl = (await _admin.GetAsync("/api/v1/links?kind=file&state=active&q=notes")).Body.GetProperty("links")[0].GetProperty("url").GetString()!;

        var answer = (await BulkAsync(new { action = "rotate" })).Body;

        var links = answer.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(4, answer.GetProperty("count").GetInt64());
        Assert.All(links, l => Assert.NotEqual(l.GetProperty("previousUrl").GetString(), l.GetProperty("url").GetString()));
        var file = links.Single(l => l.GetProperty("previousUrl").GetString() == oldFileUrl);
        Assert.Equal(_seed.OpenFile, file.GetProperty("previousId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(oldFileUrl).PathAndQuery)).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri(file.GetProperty("url").GetString()!).PathAndQuery)).Status);
        var share = links.Single(l => l.GetProperty("previousId").GetString() == _seed.Report);
        Assert.Equal("active", share.GetProperty("state").GetString());
        Assert.Equal("revoked", await StateOfAsync(_seed.Report));
        Assert.Equal("active", await StateOfAsync(share.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Answer_ListsAtMostAHundredLinks_ButCountsThemAll()
    {
        for (var i = 0; i < 110; i++)
        {
            await _admin.ShareReportAsync(await _admin.CreateReportAsync());
        }

        var answer = (await BulkAsync(new { action = "revoke", dryRun = true })).Body;

        Assert.Equal(114, answer.GetProperty("count").GetInt64());
        Assert.Equal(100, answer.GetProperty("links").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"action": "delete"}""", "action")]
    [InlineData("""{}""", "action")]
    [InlineData("""{"action": "expire-at"}""", "expiresAt")]
    [InlineData("""{"action": "expire-at", "expiresAt": "2001-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"action": "revoke", "dry_run": true}""", "dry_run")]
    [InlineData("""{"action": "revoke", "filter": {"kinds": "file"}}""", "filter.kinds")]
    [InlineData("""{"action": "revoke", "filter": {"kind": "folder"}}""", "kind")]
    [InlineData("""{"action": "revoke", "filter": {"kind": 3}}""", "filter.kind")]
    [InlineData("""{"action": "revoke", "filter": {"fileId": "x"}}""", "filter.fileId")]
    [InlineData("""{"action": "revoke", "filter": {"denyDownload": "yes"}}""", "filter.denyDownload")]
    [InlineData("""{"action": "revoke", "filter": {"hasPassword": 1}}""", "filter.hasPassword")]
    public async Task Bulk_WithBadInput_Returns400NamingTheFieldAndChangesNothing(string body, string field)
    {
        var before = (await _admin.GetAsync("/api/v1/links")).Text;

        var answer = await _admin.PostRawAsync("/api/v1/links/bulk", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty(field, out _), answer.Text);
        Assert.Equal(before, (await _admin.GetAsync("/api/v1/links")).Text);
    }

    [Fact]
    public async Task RemovePassword_WhileThePolicyRequiresPasswords_IsRefused()
    {
        await LinkPolicies.SetAsync(_admin, LinkPolicies.Body(requirePassword: true));

        var answer = await _admin.PostAsync("/api/v1/links/bulk", new { action = "remove-password" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("active", await StateOfAsync(_seed.PasswordFile));
        Assert.Single((await _admin.GetAsync("/api/v1/links?hasPassword=true")).Body.GetProperty("links").EnumerateArray());
    }

    // A batch reads its links before its transaction; what another run changed in between is put there here by
    // applying a batch read before that change.
    [Theory]
    [InlineData(BulkActionKind.Revoke)]
    [InlineData(BulkActionKind.SetDenyDownload)]
    public async Task ABatchReadBeforeAFileLinkWasRotated_LeavesTheRotatedLinkAsTheRotateMadeIt(BulkActionKind kind)
    {
        using var scope = _app.Services.CreateScope();
        var inventory = scope.ServiceProvider.GetRequiredService<LinkInventory>();
        var store = scope.ServiceProvider.GetRequiredService<ILinkInventoryStore>();
        var read = (await inventory.ListAsync(
            new LinkQuery(new LinkFilter { Kinds = new HashSet<LinkKind> { LinkKind.File }, Text = "for tests" }, LinkSort.CreatedAscending, 10, null),
            TestContext.Current.CancellationToken)).Links.Single();
        var rotated = await _admin.PostAsync("/api/v1/links/bulk", new { action = "rotate", filter = new { kind = "file", q = "for tests" } });
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        var newUrl = new Uri(rotated.Body.GetProperty("links")[0].GetProperty("url").GetString()!).PathAndQuery;
        using var visitor = _app.Visitor();
        var before = (await _admin.GetAsync($"/api/v1/links?fileId={_seed.NotesFileId}&q=for%20tests")).Text;
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(newUrl)).Status);

        var changed = await store.ApplyAsync(new BulkAction(kind), [new BulkTarget(read)], _clock.GetUtcNow(), TestContext.Current.CancellationToken);

        // The batch was about the key it read, which no longer exists; the link under its new key is the rotate's
        // (revoked in the database while this instance kept serving it from memory, before).
        Assert.Empty(changed);
        Assert.Equal(before, (await _admin.GetAsync($"/api/v1/links?fileId={_seed.NotesFileId}&q=for%20tests")).Text);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(newUrl)).Status);
    }
}
