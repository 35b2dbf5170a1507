using System.Net;
using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Every administrator's action is recorded, on every surface, naming the credential that did it.</summary>
public sealed class AuditTrailTests
{
    private static async Task<Answer> PostFormAsync(SharekeepClient browser, string path, Dictionary<string, string> fields)
    {
        fields[FormToken.FieldName] = FormToken.In((await browser.GetAsync("/admin")).Text);
        return await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
    }

    [Fact]
    public async Task NativeApi_ReportCreatedAndDeleted_AreRecordedNamingTheSecret()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var reportId = await admin.CreateReportAsync("Quarterly sales");
        await admin.DeleteAsync($"/api/v1/reports/{reportId}");
        var audit = await AuditTrail.ReadAsync(admin);

        Assert.Equal(["report.deleted", "report.created"], audit.Select(e => e.Action()));
        Assert.All(audit, e => Assert.Equal("api-secret", e.Actor()));
        Assert.All(audit, e => Assert.Equal([reportId.ToString()], e.Records()));
        Assert.Equal("Quarterly sales", audit[1].Detail("name"));
        Assert.Equal(JsonValueKind.Null, audit[0].GetProperty("setting").ValueKind);
    }

    [Fact]
    public async Task NativeApi_ShareMadeWithAnApiKey_IsRecordedWithTheKeysIdAndTheShare()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "content", "share");
        using var sharer = app.WithKey(issued.Key);

        var reportId = await sharer.CreateReportAsync();
        var shareKey = (await sharer.PostAsync("/api/v1/shares", new { resourceType = "report", resourceId = reportId })).Body.GetProperty("id").GetString()!;
        var entry = await AuditTrail.SingleAsync(admin, "share.created");

        Assert.Equal($"key:{issued.Id}", entry.Actor());
        Assert.Equal([shareKey, reportId.ToString()], entry.Records());
        Assert.Equal("report", entry.Detail("kind"));
    }

    [Fact]
    public async Task NativeApi_SharingASharedResourceAgain_RecordsNothingMore()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();

        await admin.PostAsync("/api/v1/shares", new { resourceType = "report", resourceId = reportId });
        await admin.PostAsync("/api/v1/shares", new { resourceType = "report", resourceId = reportId });

        Assert.Single(await AuditTrail.ReadAsync(admin, "?action=share.created"));
    }

    [Fact]
    public async Task ReportingToolDialect_ShareAndRevoke_AreRecorded()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var reportId = await admin.CreateReportAsync();

        var shareKey = await admin.ShareReportAsync(reportId);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{shareKey}")).Status);
        var audit = await AuditTrail.ReadAsync(admin, "?action=share.");

        Assert.Equal(["share.revoked", "share.created"], audit.Select(e => e.Action()));
        Assert.Equal([shareKey], audit[0].Records());
        Assert.Equal(shareKey, audit[1].Records()[0]);
    }

    [Fact]
    public async Task DocumentPlatformDialect_UploadAndLinkWrites_AreRecordedWithoutThePassword()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        const string password = "Correct-Horse-9";

        var number = await admin.UploadToPlatformAsync("minutes.txt");
        var created = (await admin.PutAsync($"/api/2.0/files/file/{number}/links", new { title = "board", password })).Response.GetProperty("sharedTo");
        var linkId = created.GetProperty("id").GetGuid();
        await admin.PutAsync($"/api/2.0/files/file/{number}/links", new { linkId, title = "board, final" });
        var audit = await AuditTrail.ReadAsync(admin);

        Assert.Equal(["fileLink.updated", "fileLink.created", "file.uploaded"], audit.Select(e => e.Action()));
        Assert.Equal("minutes.txt", audit[2].Detail("name"));
        Assert.Equal(linkId.ToString(), audit[1].Records()[0]);
        Assert.True(audit[1].GetProperty("details").GetProperty("hasPassword").GetBoolean());
        Assert.Equal("board, final", audit[0].Detail("title"));
        var everything = (await admin.GetAsync("/api/v1/audit")).Text;
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(created.GetProperty("shareLink").GetString()!.Split('/')[^1], everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeApi_ApiKeyMadeAndRevoked_AreRecordedByIdAndNeverWithTheKey()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var issued = await ApiKeys.CreateAsync(admin, "read");
        await admin.DeleteAsync($"/api/v1/keys/{issued.Id}");
        var audit = await AuditTrail.ReadAsync(admin, "?action=apiKey.");

        Assert.Equal(["apiKey.revoked", "apiKey.created"], audit.Select(e => e.Action()));
        Assert.All(audit, e => Assert.Equal([issued.Id.ToString()], e.Records()));
        Assert.Equal(["read"], audit[1].GetProperty("details").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(issued.Key, (await admin.GetAsync("/api/v1/audit")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeApi_UnlockingALinkAndANetwork_AreRecorded()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        var linkId = (await admin.SetLinkAsync(fileId, new { title = "locked" })).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/locked-links/{linkId}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/locked-networks/192.0.2.7")).Status);

        Assert.Equal([linkId.ToString(), fileId.ToString()], (await AuditTrail.SingleAsync(admin, "link.unlocked")).Records());
        Assert.Equal(["192.0.2.7"], (await AuditTrail.SingleAsync(admin, "network.unlocked")).Records());
    }

    [Fact]
    public async Task Console_SignInFormActionAndSignOut_AreRecordedWithTheSession()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        var reportId = await admin.CreateReportAsync();
        await ConsoleSignIn.SignInAsync(browser);

        await PostFormAsync(browser, "/admin/shares", new() { ["resource"] = $"report:{reportId}" });
        await PostFormAsync(browser, "/admin/sign-out", []);
        var signedIn = await AuditTrail.SingleAsync(admin, "console.signedIn");
        var session = signedIn.Records()[0];

        Assert.Equal($"console:{session}/api-secret", signedIn.Actor());
        Assert.Equal($"console:{session}/api-secret", (await AuditTrail.SingleAsync(admin, "share.created")).Actor());
        var signedOut = await AuditTrail.SingleAsync(admin, "console.signedOut");
        Assert.Equal($"console:{session}/api-secret", signedOut.Actor());
        Assert.Equal([session], signedOut.Records());
    }

    [Fact]
    public async Task Console_AuditList_ShowsTheActionsInWords()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await admin.CreateReportAsync("Headcount");

        var console = await ConsoleSignIn.SignInAsync(browser);

        Assert.Contains("Report “Headcount” created by the API secret (API)", WebUtility.HtmlDecode(console.Text), StringComparison.Ordinal);
        Assert.Contains("Signed in to the console by the API secret (console)", WebUtility.HtmlDecode(console.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedRequests_RecordNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);
        var before = (await AuditTrail.ReadAsync(admin)).Count;

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/reports/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/v1/reports", new { name = "" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/share/report/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/keys/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/locked-links/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/reports", new { name = "R", data = new { } })).Status);

        Assert.Equal(before, (await AuditTrail.ReadAsync(admin)).Count);
    }
}
