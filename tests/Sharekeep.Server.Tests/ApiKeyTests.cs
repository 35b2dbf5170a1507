using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task CreateKey_AnswersTheKeyThisOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var created = await admin.PostAsync("/api/v1/keys", new { name = "deploy bot", scopes = new[] { "read", "share" } });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var key = created.Body.GetProperty("key").GetString()!;
        Assert.StartsWith("skk_", key, StringComparison.Ordinal);
        Assert.Equal(["read", "share"], created.Body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var id = created.Body.GetProperty("id").GetGuid();
        var listed = await admin.GetAsync("/api/v1/keys");
        var one = await admin.GetAsync($"/api/v1/keys/{id}");
        Assert.Equal(id, Assert.Single(listed.Body.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.DoesNotContain(key, listed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, one.Text, StringComparison.Ordinal);
        Assert.False(one.Body.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task CreateKey_IsNotStoredInTheDatabase()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var issued = await ApiKeys.CreateAsync(admin, "read");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Storage.SharekeepDbContext>();
        var row = Assert.Single(await db.ApiKeys.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(issued.Key["skk_".Length..], row.KeyDigest, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key["skk_".Length..], JsonSerializer.Serialize(row), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"scopes\":[\"read\"]}", "name")]
    [InlineData("{\"name\":\"bot\",\"scopes\":[]}", "scopes")]
    [InlineData("{\"name\":\"bot\",\"scopes\":[\"root\"]}", "scopes")]
    [InlineData("{\"name\":\"bot\",\"scopes\":[\"read\"],\"expires\":\"2000-01-01T00:00:00Z\"}", "expires")]
    public async Task CreateKey_WithBadInput_Answers400NamingTheFieldAndMakesNothing(string body, string field)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/v1/keys", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty(field, out _), answer.Text);
        Assert.Empty((await admin.GetAsync("/api/v1/keys?includeRevoked=true")).Body.EnumerateArray());
    }

    [Fact]
    public async Task ReadKey_ReadsButCannotWrite()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/reports")).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/2.0/files/settings")).Status);
        var refused = await reader.PostAsync("/api/v1/reports", new { name = "r", data = new { } });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentHeaders.ContentType?.MediaType);
        Assert.Contains("'content'", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync("/api/v1/reports")).Body.EnumerateArray());
    }

    [Fact]
    public async Task ReadKey_OnAnAdminOnlyCall_Is403NamingTheAdminScopeOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);

        var refused = await reader.PostAsync("/api/v1/keys", new { name = "k", scopes = new[] { "read" } });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("This call needs an API key with the 'admin' scope.", refused.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ContentAndShareKey_SharesButCannotSwitchSharingOff()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var sharer = app.WithKey((await ApiKeys.CreateAsync(admin, "content", "share")).Key);

        var report = await sharer.CreateReportAsync();
        await sharer.ShareReportAsync(report);
        var refused = await sharer.PostAsync("/api/public/share/disable");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.NotNull(refused.ErrorCode);
        Assert.True((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task ShareKey_MakesLinksButCannotAddOrRemoveContent()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var report = await admin.CreateReportAsync();
        using var sharer = app.WithKey((await ApiKeys.CreateAsync(admin, "share")).Key);

        await sharer.ShareReportAsync(report);

        Assert.Equal(HttpStatusCode.Forbidden, (await sharer.DeleteAsync($"/api/v1/reports/{report}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sharer.PostAsync("/api/v1/reports", new { name = "r", data = new { } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/reports/{report}")).Status);
    }

    [Fact]
    public async Task CreateKey_AnswerIsNeverCached()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var created = await admin.PostAsync("/api/v1/keys", new { name = "k", scopes = new[] { "read" } });

        Assert.True(created.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task PolicyKey_SwitchesExternalSharing_ButCannotMakeLinks()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var file = await admin.UploadFileAsync();
        using var switcher = app.WithKey((await ApiKeys.CreateAsync(admin, "policy")).Key);

        // The link first: with external sharing off, it would be refused 403 for that reason instead.
        var link = await switcher.PutAsync($"/api/2.0/files/file/{file}/links", new { title = "t" });
        var off = await switcher.PutAsync("/api/2.0/files/settings/external", new { set = false });

        Assert.Equal(HttpStatusCode.OK, off.Status);
        Assert.False((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("externalSharingEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, link.Status);
        Assert.Equal(StatusCodes.Status403Forbidden, link.Body.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task KeyWithoutAdminScope_CannotManageKeys()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var strong = app.WithKey((await ApiKeys.CreateAsync(admin, "read", "share", "policy")).Key);

        Assert.Equal(HttpStatusCode.Forbidden, (await strong.GetAsync("/api/v1/keys")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await strong.PostAsync("/api/v1/keys", new { name = "mine", scopes = new[] { "admin" } })).Status);
        Assert.Single((await admin.GetAsync("/api/v1/keys")).Body.EnumerateArray());
    }

    [Fact]
    public async Task AdminKey_ManagesKeys()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var second = app.WithKey((await ApiKeys.CreateAsync(admin, "admin")).Key);

        var made = await ApiKeys.CreateAsync(second, "read");

        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"/api/v1/keys/{made.Id}")).Status);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "read");
        using var reader = app.WithKey(issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/policy")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/keys/{issued.Id}")).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/v1/policy")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/keys/{issued.Id}")).Status);
        var listed = await admin.GetAsync($"/api/v1/keys/{issued.Id}");
        Assert.False(listed.Body.GetProperty("active").GetBoolean());
        Assert.Empty((await admin.GetAsync("/api/v1/keys")).Body.EnumerateArray());
    }

    [Fact]
    public async Task KeyPastItsExpiry_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new SharekeepApplication(services: s => s.AddSingleton<TimeProvider>(clock));
        using var admin = app.Admin();
        var created = await admin.PostAsync("/api/v1/keys", new { name = "temp", scopes = new[] { "read" }, expires = clock.GetUtcNow().AddHours(1) });
        using var reader = app.WithKey(created.Body.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/policy")).Status);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/v1/policy")).Status);
    }

    [Fact]
    public async Task UsingAKey_RecordsWhenAndFromWhere()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "read");
        Assert.Equal(JsonValueKind.Null, (await admin.GetAsync($"/api/v1/keys/{issued.Id}")).Body.GetProperty("lastUsed").ValueKind);
        using var reader = app.WithKey(issued.Key);

        await reader.GetAsync("/api/v1/policy");

        var key = (await admin.GetAsync($"/api/v1/keys/{issued.Id}")).Body;
        Assert.Equal(JsonValueKind.String, key.GetProperty("lastUsed").ValueKind);
        Assert.Equal(JsonValueKind.String, key.GetProperty("lastUsedAddress").ValueKind);
    }

    [Fact]
    public async Task Audit_NamesTheCredentialOfEachChange()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "policy");
        using var switcher = app.WithKey(issued.Key);

        await admin.DisableSharingAsync();
        await switcher.EnableSharingAsync();

        var audit = (await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray().ToList();
        Assert.Equal($"key:{issued.Id}", audit[0].GetProperty("actor").GetString());
        Assert.Equal("api-secret", audit[1].GetProperty("actor").GetString());
        Assert.DoesNotContain(issued.Key, (await admin.GetAsync("/api/v1/audit")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BootstrapSecret_StillOpensEverything()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/keys", new { name = "k", scopes = new[] { "read" } })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/public/share/disable")).Status);
    }
}
