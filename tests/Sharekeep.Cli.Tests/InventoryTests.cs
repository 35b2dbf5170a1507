using System.Net;
using System.Text.Json;
using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>
/// sharekeep links list and the bulk actions, over GET /api/v1/links and POST /api/v1/links/bulk. A server without
/// those endpoints (before issue 14's inventory) skips the tests that need them, saying so.
/// </summary>
public sealed class InventoryTests(CliServer server) : IClassFixture<CliServer>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await server.ClearLinkPolicyAsync();
        await server.RunAsync("external", "on");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task List_WithKindAndFile_ListsThatFilesLinksAndNothingElse()
    {
        await RequireInventoryAsync();
        var (file, links) = await FileWithLinksAsync(2);
        await server.PostAsync("/api/v1/shares", new { resourceType = "report", resourceId = await server.CreateReportAsync() });

        var result = await server.RunAsync("--json", "links", "list", "--kind", "file", "--file", file.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var listed = result.Json.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(links.Order(), listed.Select(l => l.GetProperty("id").GetString()!).Order());
        Assert.All(listed, link => Assert.Equal("file", link.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task List_All_FollowsNextCursorToTheLastPage()
    {
        await RequireInventoryAsync();
        var (file, links) = await FileWithLinksAsync(3);

        var result = await server.RunAsync("--json", "links", "list", "--file", file.ToString(), "--limit", "1", "--all");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(links.Order(), result.Json.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()!).Order());
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("table")]
    public async Task List_All_WritesEachPageBeforeAskingForTheNext(string mode)
    {
        await RequireInventoryAsync();
        var (file, links) = await FileWithLinksAsync(3);
        var output = new FlushedWriter();
        string[] json = mode == "--json" ? ["--json"] : [];

        var result = await Tool.RunAsync(server.Variables, [.. json, "links", "list", "--file", file.ToString(), "--limit", "1", "--all"], output: output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([1, 2, 3], output.Flushes.Take(3).Select(text => links.Count(id => text.Contains(id, StringComparison.Ordinal))));
        if (mode == "--json")
        {
            Assert.Equal(links.Order(), result.Json.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()!).Order());
        }
    }

    [Fact]
    public async Task List_OnePage_SaysOnStandardErrorThatMoreFollow()
    {
        await RequireInventoryAsync();
        var (file, _) = await FileWithLinksAsync(2);

        var result = await server.RunAsync("links", "list", "--file", file.ToString(), "--limit", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("More links follow", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeDryRun_CountsAndChangesNothing_AndTheRealRunRevokesAsMany()
    {
        await RequireInventoryAsync();
        var (file, _) = await FileWithLinksAsync(2);

        var dryRun = await server.RunAsync("--json", "links", "revoke", "--file", file.ToString(), "--dry-run");
        var activeAfterDryRun = await ActiveLinksAsync(file);
        var real = await server.RunAsync("--json", "links", "revoke", "--file", file.ToString());

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Equal(2, dryRun.Json.GetProperty("count").GetInt32());
        Assert.Equal(2, activeAfterDryRun);
        Assert.True(real.ExitCode == 0, real.ToString());
        Assert.Equal(2, real.Json.GetProperty("count").GetInt32());
        Assert.Equal(0, await ActiveLinksAsync(file));
    }

    [Fact]
    public async Task Rotate_GivesEachLinkANewUrl_AndTheOldOneOpensNothing()
    {
        await RequireInventoryAsync();
        var (file, _) = await FileWithLinksAsync(1);

        var result = await server.RunAsync("--json", "links", "rotate", "--file", file.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var rotated = result.Json.GetProperty("links").EnumerateArray().Single();
        using var visitor = new HttpClient();
        using var old = await visitor.GetAsync(new Uri(rotated.GetProperty("previousUrl").GetString()!), TestContext.Current.CancellationToken);
        using var renewed = await visitor.GetAsync(new Uri(rotated.GetProperty("url").GetString()!), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task ExpireAt_SetsTheExpiryOfTheMatchedLinks()
    {
        await RequireInventoryAsync();
        var (file, _) = await FileWithLinksAsync(1);
        var at = DateTimeOffset.UtcNow.AddDays(3);

        var result = await server.RunAsync("--json", "links", "expire", "--at", at.ToString("O"), "--file", file.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var listed = await server.GetAsync($"/api/v1/links?fileId={file}");
        Assert.Equal(at, listed.GetProperty("links")[0].GetProperty("expires").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RemovePassword_DryRunCountsAndChangesNothing_AndTheRealRunRemovesThePasswords()
    {
        await RequireInventoryAsync();
        var file = await server.UploadAsync("guarded.txt", "listed");
        await server.PostAsync($"/api/v1/files/{file}/links", new { title = "guarded", password = "correct horse battery" });
        await server.PostAsync($"/api/v1/files/{file}/links", new { title = "open" });

        var dryRun = await server.RunAsync("--json", "links", "remove-password", "--file", file.ToString(), "--dry-run");
        var guardedAfterDryRun = await WithPasswordAsync(file);
        var real = await server.RunAsync("links", "remove-password", "--file", file.ToString());

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Equal(1, dryRun.Json.GetProperty("count").GetInt32());
        Assert.Equal(1, guardedAfterDryRun);
        Assert.True(real.ExitCode == 0, real.ToString());
        Assert.Contains("Removed the password of 1 link.", real.Output, StringComparison.Ordinal);
        Assert.Equal(0, await WithPasswordAsync(file));
    }

    [Fact]
    public async Task RemovePassword_WhileThePolicyRequiresPasswords_ExitsWithTheServersReason_AndChangesNothing()
    {
        await RequireInventoryAsync();
        var file = await server.UploadAsync("guarded.txt", "listed");
        await server.PostAsync($"/api/v1/files/{file}/links", new { title = "guarded", password = "correct horse battery" });
        await server.PutAsync("/api/v1/link-policy", new { fileLinks = new { requirePassword = true, denyDownloadByDefault = false }, shares = new { } });

        var result = await server.RunAsync("links", "remove-password", "--file", file.ToString());

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("requires a password on every file link", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, await WithPasswordAsync(file));
    }

    [Fact]
    public async Task DenyDownload_MakesTheLinksViewOnly_AndOffAllowsDownloadsAgain()
    {
        await RequireInventoryAsync();
        var (file, _) = await FileWithLinksAsync(2);

        var denied = await server.RunAsync("--json", "links", "deny-download", "--file", file.ToString());
        var deniedLinks = await DenyDownloadsAsync(file);
        var allowed = await server.RunAsync("--json", "links", "deny-download", "--off", "--file", file.ToString());

        Assert.True(denied.ExitCode == 0, denied.ToString());
        Assert.Equal(2, denied.Json.GetProperty("count").GetInt32());
        Assert.Equal([true, true], deniedLinks);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Equal(2, allowed.Json.GetProperty("count").GetInt32());
        Assert.Equal([false, false], await DenyDownloadsAsync(file));
    }

    [Fact]
    public async Task ListAndRevoke_WithDenyDownload_TakeOnlyTheFileLinksWithThatSetting()
    {
        await RequireInventoryAsync();
        var (file, links) = await FileWithLinksAsync(1);
        var viewOnly = (await server.PostAsync($"/api/v1/files/{file}/links", new { title = "view only", denyDownload = true })).GetProperty("id").GetString()!;

        var listed = await server.RunAsync("--json", "links", "list", "--file", file.ToString(), "--deny-download", "true");
        var revoked = await server.RunAsync("--json", "links", "revoke", "--file", file.ToString(), "--deny-download", "false");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal([viewOnly], listed.Json.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()!));
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Equal(links, revoked.Json.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()!));
        Assert.Equal(1, await ActiveLinksAsync(file));
    }

    [Fact]
    public async Task Revoke_OnATerminal_ShowsProgressOnStandardError()
    {
        await RequireInventoryAsync();
        var (file, _) = await FileWithLinksAsync(1);

        var result = await Tool.RunAsync(server.Variables, ["--json", "links", "revoke", "--file", file.ToString()], errorIsTerminal: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("revoking...", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Revoke_WithoutAFilter_IsAUsageError_AndRevokesNothing()
    {
        var (file, _) = await FileWithLinksAsync(1);

        var result = await server.RunAsync("links", "revoke");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--all-links", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, await ActiveLinksAsync(file));
    }

    [Fact]
    public async Task Expire_WithoutAt_IsAUsageError()
    {
        var result = await server.RunAsync("links", "expire", "--kind", "file");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    private async Task RequireInventoryAsync()
    {
        using var client = server.Api();
        using var response = await client.GetAsync(new Uri("/api/v1/links?limit=1", UriKind.Relative), TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Skip("This server has no GET /api/v1/links yet (issue 14's inventory, branch inventory14).");
        }
    }

    private async Task<(Guid File, List<string> Links)> FileWithLinksAsync(int count)
    {
        var file = await server.UploadAsync("inventory.txt", "listed");
        var links = new List<string>();
        for (var i = 0; i < count; i++)
        {
            links.Add((await server.PostAsync($"/api/v1/files/{file}/links", new { title = $"link {i}" })).GetProperty("id").GetString()!);
        }
        return (file, links);
    }

    private async Task<int> WithPasswordAsync(Guid file) =>
        (await server.GetAsync($"/api/v1/links?fileId={file}&hasPassword=true")).GetProperty("links").GetArrayLength();

    private async Task<List<bool>> DenyDownloadsAsync(Guid file) =>
        [.. (await server.GetAsync($"/api/v1/links?fileId={file}")).GetProperty("links").EnumerateArray().Select(l => l.GetProperty("denyDownload").GetBoolean())];

    /// <summary>The file's links that still open it, read from the document platform's API, which main has too.</summary>
    private async Task<int> ActiveLinksAsync(Guid file)
    {
        var links = await server.GetAsync($"/api/2.0/files/file/{file}/links");
        return links.GetProperty("response").EnumerateArray().Count(link => link.GetProperty("access").GetInt32() != 0);
    }
}
