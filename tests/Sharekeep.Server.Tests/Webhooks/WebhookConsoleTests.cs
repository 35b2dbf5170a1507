using System.Net;
using System.Text.RegularExpressions;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>The console's webhooks section and deliveries page: the same rules as /api/v1/webhooks, through plain forms.</summary>
public sealed partial class WebhookConsoleTests
{
    private const string PublicUrl = "https://hooks.example.com/sharekeep";

    private static HttpRequestMessage Form(string path, string page, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new(FormToken.FieldName, FormToken.In(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        };

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> ListAsync(SharekeepClient admin) =>
        [.. (await admin.GetAsync("/api/v1/webhooks")).Body.EnumerateArray()];

    /// <summary>Registers a webhook for link.created and waits until one message to it is delivered and recorded.</summary>
    private static async Task<RegisteredHook> DeliverOneAsync(SharekeepClient admin, WebhookReceiver receiver)
    {
        var hook = await Webhooks.RegisterAsync(admin, receiver.Url(), "link.created");
        await admin.ShareReportAsync(await admin.CreateReportAsync());
        await Webhooks.WaitForDeliveriesAsync(admin, hook.Id, a => a.Count > 0);
        return hook;
    }

    [Fact]
    public async Task Console_RegistersAWebhook_AndShowsItsSecretOnce()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);

        var made = await browser.SendAsync(Form("/admin/webhooks", console.Text, ("url", PublicUrl), ("events", "link.created"), ("events", "link.locked")));

        Assert.Equal(HttpStatusCode.OK, made.Status);
        var secret = IssuedSecret().Match(made.Text).Groups[1].Value;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var hook = Assert.Single(await ListAsync(admin));
        Assert.Equal(PublicUrl, hook.GetProperty("url").GetString());
        Assert.Equal(["link.created", "link.locked"], hook.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var again = await browser.GetAsync("/admin");
        Assert.Contains(PublicUrl, again.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again.Text, StringComparison.Ordinal);
        var audited = await AuditTrail.SingleAsync(admin, "webhook.created");
        Assert.StartsWith("console:", audited.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_RegisteringAPrivateAddress_Answers400WithTheReason_AndRegistersNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);

        var refused = await browser.SendAsync(Form("/admin/webhooks", console.Text, ("url", "http://127.0.0.1:9/hook"), ("events", "link.created")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("private, loopback", refused.Text, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(admin));
    }

    [Theory]
    [InlineData("", "link.created", "absolute http or https address")]
    [InlineData(PublicUrl, null, "events lists at least one")]
    [InlineData(PublicUrl, "link.nothing", "is not an event")]
    public async Task Console_WithABadWebhookForm_Answers400WithTheReason_AndRegistersNothing(string url, string? eventName, string reason)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var console = await ConsoleSignIn.SignInAsync(browser);
        (string, string)[] fields = eventName is null ? [("url", url)] : [("url", url), ("events", eventName)];

        var refused = await browser.SendAsync(Form("/admin/webhooks", console.Text, fields));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(reason, refused.Text, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(admin));
    }

    [Fact]
    public async Task Console_DisablesAndEnablesAWebhook_AsTheConsole()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var hook = await Webhooks.RegisterAsync(admin, PublicUrl, "link.created");
        var console = await ConsoleSignIn.SignInAsync(browser);

        var disabled = await browser.SendAsync(Form($"/admin/webhooks/{hook.Id}/enabled", console.Text, ("enabled", "false")));
        var afterDisable = Assert.Single(await ListAsync(admin)).GetProperty("enabled").GetBoolean();
        await browser.SendAsync(Form($"/admin/webhooks/{hook.Id}/enabled", disabled.Text, ("enabled", "true")));

        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.Contains("The webhook is disabled", disabled.Text, StringComparison.Ordinal);
        Assert.False(afterDisable);
        Assert.True(Assert.Single(await ListAsync(admin)).GetProperty("enabled").GetBoolean());
        var updates = await AuditTrail.ReadAsync(admin, "?action=webhook.updated");
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.StartsWith("console:", u.GetProperty("actor").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Console_DeletesAWebhook()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var hook = await Webhooks.RegisterAsync(admin, PublicUrl, "link.created");
        var console = await ConsoleSignIn.SignInAsync(browser);

        var deleted = await browser.SendAsync(Form($"/admin/webhooks/{hook.Id}/delete", console.Text));

        Assert.Contains("The webhook is deleted", deleted.Text, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(admin));
        Assert.Contains("No webhook yet", deleted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveriesPage_OfAnUnknownWebhook_Is404_AndABadCursorIs400()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var hook = await Webhooks.RegisterAsync(admin, PublicUrl, "link.created");
        await ConsoleSignIn.SignInAsync(browser);

        var unknown = await browser.GetAsync($"/admin/webhooks/{Guid.NewGuid()}/deliveries");
        var badCursor = await browser.GetAsync($"/admin/webhooks/{hook.Id}/deliveries?before=-3");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("There is no webhook with this id.", unknown.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.Status);
    }

    [Fact]
    public async Task TheDeliveriesPage_WithoutSigningIn_AsksToSignIn_AndShowsNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var hook = await Webhooks.RegisterAsync(admin, PublicUrl, "link.created");
        using var stranger = app.RawVisitor();

        var page = await stranger.GetAsync($"/admin/webhooks/{hook.Id}/deliveries");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.DoesNotContain(PublicUrl, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_ListsAWebhooksLastDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var hook = await DeliverOneAsync(admin, receiver);

        var console = await ConsoleSignIn.SignInAsync(browser);

        Assert.Contains("delivered (200)", console.Text, StringComparison.Ordinal);
        Assert.Contains($"/admin/webhooks/{hook.Id}/deliveries", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveriesPage_ListsAMessage_AndItsReplaySendsItAgainWithTheSameId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new SharekeepApplication(settings: Webhooks.FastSettings());
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var hook = await DeliverOneAsync(admin, receiver);
        var first = Assert.Single(await receiver.ReceivedAsync());
        await ConsoleSignIn.SignInAsync(browser);
        var page = await browser.GetAsync($"/admin/webhooks/{hook.Id}/deliveries");
        Assert.Contains(first.Id, page.Text, StringComparison.Ordinal);

        var replayed = await browser.SendAsync(Form($"/admin/webhooks/{hook.Id}/deliveries/{first.Id}/replay", page.Text));

        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Contains("The message is sent again", replayed.Text, StringComparison.Ordinal);
        var both = await receiver.WaitForAsync(r => r.Count >= 2);
        Assert.All(both, r => Assert.Equal(first.Id, r.Id));
        Assert.Single(await AuditTrail.ReadAsync(admin, "?action=webhook.replayed"));
    }

    [GeneratedRegex("id=\"issued-webhook-secret\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex IssuedSecret();
}
