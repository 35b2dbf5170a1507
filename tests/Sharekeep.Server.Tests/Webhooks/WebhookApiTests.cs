using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>/api/v1/webhooks: registering, listing, changing and removing receivers, and the refusals.</summary>
public sealed class WebhookApiTests
{
    [Fact]
    public async Task Create_AnswersAWhsecSecretThisOnce()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();

        var created = await admin.PostAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/in?token=abc", events = new[] { "link.created", "link.revoked" } });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var secret = created.Body.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.InRange(Convert.FromBase64String(secret["whsec_".Length..]).Length, 24, 32);
        Assert.Equal(["link.created", "link.revoked"], created.Body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var id = created.Body.GetProperty("id").GetGuid();
        var listed = await admin.GetAsync("/api/v1/webhooks");
        var one = await admin.GetAsync($"/api/v1/webhooks/{id}");
        Assert.Equal(id, Assert.Single(listed.Body.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal("https://hooks.example.com/in?token=abc", one.Body.GetProperty("url").GetString());
        Assert.DoesNotContain(secret["whsec_".Length..], listed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], one.Text, StringComparison.Ordinal);
        Assert.False(one.Body.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task Create_StoresTheSecretEncrypted()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();

        var hook = await Webhooks.RegisterAsync(admin, "https://hooks.example.com/in", "link.created");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        var row = Assert.Single(await db.WebhookEndpoints.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        var bytes = hook.Secret["whsec_".Length..];
        Assert.DoesNotContain(bytes, JsonSerializer.Serialize(row), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Convert.FromBase64String(bytes)), JsonSerializer.Serialize(row), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{\"url\":\"https://hooks.example.com/in\",\"events\":[\"link.created\",\"link.exploded\"]}", "events", "link.exploded")]
    [InlineData("{\"url\":\"https://hooks.example.com/in\",\"events\":[]}", "events", "link.created")]
    [InlineData("{\"url\":\"https://hooks.example.com/in\"}", "events", "sharing.switched")]
    [InlineData("{\"url\":\"ftp://hooks.example.com/in\",\"events\":[\"link.created\"]}", "url", "http")]
    [InlineData("{\"url\":\"/relative\",\"events\":[\"link.created\"]}", "url", "absolute")]
    [InlineData("{\"url\":\"https://user:pw@hooks.example.com/in\",\"events\":[\"link.created\"]}", "url", "user")]
    [InlineData("{\"events\":[\"link.created\"]}", "url", "absolute")]
    public async Task Create_WithBadInput_Answers400NamingTheFieldAndRegistersNothing(string body, string field, string mentioned)
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/v1/webhooks", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var message = Assert.Single(answer.Body.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;
        Assert.Contains(mentioned, message, StringComparison.Ordinal);
        Assert.Empty((await admin.GetAsync("/api/v1/webhooks")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Create_WithAVeryLongUrl_Answers400()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/" + new string('a', 2000), events = new[] { "link.created" } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Update_ChangesEventsAndEnabled_AndLeavesTheRest()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, "https://hooks.example.com/in", "link.created");

        var updated = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/webhooks/{hook.Id}")
        {
            Content = JsonContent(new { events = new[] { "link.locked" }, enabled = false }),
        });

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        var one = await admin.GetAsync($"/api/v1/webhooks/{hook.Id}");
        Assert.Equal(["link.locked"], one.Body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.False(one.Body.GetProperty("enabled").GetBoolean());
        Assert.Equal("https://hooks.example.com/in", one.Body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Delete_RemovesTheWebhook_AndASecondDeleteAnswers404()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, "https://hooks.example.com/in", "link.created");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries")).Status);
    }

    [Fact]
    public async Task ReadKey_ListsWebhooks_ButCannotRegisterOne()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var reader = await ApiKeys.CreateAsync(admin, "read");
        using var client = app.WithKey(reader.Key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/webhooks")).Status);
        var refused = await client.PostAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/in", events = new[] { "link.created" } });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Empty((await admin.GetAsync("/api/v1/webhooks")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Changes_AreAudited()
    {
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, "https://hooks.example.com/in?token=abc", "link.created");
        await admin.DeleteAsync($"/api/v1/webhooks/{hook.Id}");

        var audit = await admin.GetAsync("/api/v1/audit?action=webhook.");

        Assert.Contains("webhook.created", audit.Text, StringComparison.Ordinal);
        Assert.Contains("webhook.deleted", audit.Text, StringComparison.Ordinal);
        // A receiver's own token in its query is not copied into the audit.
        Assert.DoesNotContain("token=abc", audit.Text, StringComparison.Ordinal);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");
}
