using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Input to the inventory and its bulk actions that a careless or compromised admin client sends: each is refused
/// with a 400 before anything is read or changed.
/// </summary>
public sealed class InventoryHostileInputTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SharekeepApplication _app = null!;
    private SharekeepClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(_clock));
        _admin = _app.Admin();
        await InventorySeed.MakeAsync(_admin, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Bulk_WithAFieldGivenTwice_Returns400AndChangesNothing()
    {
        // A client (or a proxy that checks bodies) reading the first "dryRun" sees a dry run; a reader taking the last
        // one would revoke every active link.
        var before = (await _admin.GetAsync("/api/v1/links")).Text;

        var answer = await _admin.PostRawAsync("/api/v1/links/bulk", """{"action": "revoke", "dryRun": true, "dryRun": false}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(before, (await _admin.GetAsync("/api/v1/links")).Text);
    }

    [Theory]
    [InlineData("a%00b")]
    [InlineData("%1B%5B2J")]
    public async Task List_WithAControlCharacterInQ_Returns400NamingQ(string q)
    {
        // No name or title holds one (they are refused when given), and PostgreSQL cannot even take a NUL as text.
        var answer = await _admin.GetAsync($"/api/v1/links?q={q}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty("q", out _), answer.Text);
    }
}
