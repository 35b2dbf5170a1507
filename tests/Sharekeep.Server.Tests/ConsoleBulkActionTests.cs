using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>A bulk action from the console's link list: a dry run to confirm, the real run over the same filter, and the refusals.</summary>
public sealed partial class ConsoleBulkActionTests : IAsyncLifetime
{
    private SeededConsole _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await SeededConsole.MakeAsync();
        await ConsoleSignIn.SignInAsync(_world.Browser);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private async Task<Answer> PostAsync(Dictionary<string, string> fields)
    {
        fields[FormToken.FieldName] = FormToken.In((await _world.Browser.GetAsync("/admin")).Text);
        return await _world.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/links/bulk") { Content = new FormUrlEncodedContent(fields) });
    }

    /// <summary>Every link as the API lists it: equal text before and after is nothing changed.</summary>
    private async Task<string> InventoryAsync() => (await _world.Admin.GetAsync("/api/v1/links?state=active,expired,revoked&limit=1000")).Text;

    private async Task<string> StateOfAsync(string id) =>
        (await _world.Admin.GetAsync("/api/v1/links?state=active,expired,revoked&limit=1000")).Body.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == id).GetProperty("state").GetString()!;

    private async Task<int> BulkEntriesAsync() => (await AuditTrail.ReadAsync(_world.Admin, "?action=links.bulk")).Count;

    private static string Day(int daysAhead) => DateTimeOffset.UtcNow.AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task DryRun_ShowsTheCountAndTheLinks_AndChangesNothing()
    {
        var before = await InventoryAsync();

        var answer = await PostAsync(new() { ["kind"] = "file", ["state"] = "active", ["action"] = "revoke" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("This will revoke 2 links.", answer.Text, StringComparison.Ordinal);
        var preview = answer.Text.Split("id=\"bulk-preview\"")[1];
        Assert.Contains(_world.Urls[_world.Seed.OpenFile], preview, StringComparison.Ordinal);
        Assert.Contains(_world.Urls[_world.Seed.PasswordFile], preview, StringComparison.Ordinal);
        Assert.Equal(before, await InventoryAsync());
        Assert.Equal(0, await BulkEntriesAsync());
    }

    [Fact]
    public async Task Confirm_ChangesExactlyTheLinksOfTheDryRun_AndIsOneAuditEntryByTheConsoleSession()
    {
        var dryRun = await PostAsync(new() { ["kind"] = "file", ["q"] = "budget", ["action"] = "revoke" });

        var done = await PostAsync(ConfirmFields(dryRun.Text));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Done: revoked 1 link.", done.Text, StringComparison.Ordinal);
        Assert.Equal("revoked", await StateOfAsync(_world.Seed.PasswordFile));
        Assert.Equal("active", await StateOfAsync(_world.Seed.OpenFile));
        Assert.Equal("active", await StateOfAsync(_world.Seed.Report));
        var entry = await AuditTrail.SingleAsync(_world.Admin, "links.bulk");
        Assert.StartsWith("console:", entry.Actor(), StringComparison.Ordinal);
        Assert.Equal("revoke", entry.Detail("action"));
        Assert.Equal(1, entry.GetProperty("details").GetProperty("count").GetInt64());
        Assert.Equal("budget", entry.GetProperty("details").GetProperty("filter").GetProperty("q").GetString());
    }

    [Fact]
    public async Task Confirm_OfSetDenyDownload_ChangesTheFileLinksThatAllowedDownloads()
    {
        var dryRun = await PostAsync(new() { ["action"] = "set-deny-download", ["setDenyDownload"] = "true" });
        Assert.Contains("This will make 2 links view-only (no download).", dryRun.Text, StringComparison.Ordinal);

        var done = await PostAsync(ConfirmFields(dryRun.Text));

        Assert.Contains("Done: made 2 links view-only.", done.Text, StringComparison.Ordinal);
        var files = (await _world.Admin.GetAsync("/api/v1/links?kind=file&state=active")).Body.GetProperty("links").EnumerateArray();
        Assert.All(files, l => Assert.True(l.GetProperty("denyDownload").GetBoolean()));
    }

    [Fact]
    public async Task SetDenyDownload_OnAListFilteredByDownloadsAllowed_CountsThoseLinks()
    {
        var dryRun = await PostAsync(new() { ["denyDownload"] = "false", ["action"] = "set-deny-download", ["setDenyDownload"] = "true" });

        Assert.Contains("This will make 2 links view-only (no download).", dryRun.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovePassword_WhileThePolicyRequiresPasswords_IsRefusedWithItsReason_AndChangesNothing()
    {
        await LinkPolicies.SetAsync(_world.Admin, LinkPolicies.Body(requirePassword: true));
        var before = await InventoryAsync();

        var answer = await PostAsync(new() { ["action"] = "remove-password", ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("The link policy requires a password on every file link: remove-password is refused.", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, await InventoryAsync());
        Assert.Equal(0, await BulkEntriesAsync());
    }

    [Fact]
    public async Task ExpireAt_PastThePolicysMaximum_IsRefusedWithItsReason_AndChangesNothing()
    {
        await LinkPolicies.SetAsync(_world.Admin, LinkPolicies.Body(fileMaxDays: 30));
        var before = await InventoryAsync();

        var answer = await PostAsync(new() { ["kind"] = "file", ["action"] = "expire-at", ["expiresAt"] = Day(60), ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("past the link policy&#x27;s maximum lifetime of file links (30 days)", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, await InventoryAsync());
    }

    [Fact]
    public async Task Confirm_WithoutItsAntiforgeryToken_ChangesNothing()
    {
        var before = await InventoryAsync();

        var answer = await _world.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/links/bulk")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "revoke", ["confirm"] = "true" }),
        });

        Assert.Contains("The form had expired", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, await InventoryAsync());
    }

    /// <summary>The hidden fields of the dry run's Confirm form, as a browser would send them back (less its token, added when posting).</summary>
    private static Dictionary<string, string> ConfirmFields(string dryRun)
    {
        var form = dryRun.Split("id=\"bulk-preview\"")[1].Split("</form>")[0];
        var fields = HiddenField().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Equal("true", fields["confirm"]);
        fields.Remove(FormToken.FieldName);
        return fields;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\" ?/?>")]
    private static partial Regex HiddenField();
}
