using System.Net;
using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>GET/PUT /api/v1/link-policy and /api/v1/link-policy/violations.</summary>
public sealed class LinkPolicyApiTests
{
    private static Dictionary<string, string?> Configured() => new()
    {
        ["Sharekeep:LinkPolicy:FileLinks:MaxLifetimeDays"] = "30",
        ["Sharekeep:LinkPolicy:Shares:DefaultLifetimeDays"] = "7",
    };

    [Fact]
    public async Task Get_BeforeAnyPut_AnswersTheConfiguredPolicy()
    {
        await using var app = new SharekeepApplication(settings: Configured());
        using var admin = app.Admin();

        var policy = (await admin.GetAsync("/api/v1/link-policy")).Body;

        Assert.Equal(30, policy.GetProperty("fileLinks").GetProperty("maxLifetimeDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("fileLinks").GetProperty("defaultLifetimeDays").ValueKind);
        Assert.Equal(7, policy.GetProperty("shares").GetProperty("defaultLifetimeDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("lastModified").ValueKind);
    }

    [Fact]
    public async Task Put_AnswersThePolicyAndWritesOneAuditEntryNamingTheCredential()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutAsync("/api/v1/link-policy", LinkPolicies.Body(fileMaxDays: 30, requirePassword: true));
        var audit = Assert.Single((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Body.GetProperty("fileLinks").GetProperty("requirePassword").GetBoolean());
        Assert.Equal("linkPolicy", audit.GetProperty("setting").GetString());
        Assert.Equal("api-secret", audit.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("oldPolicy").GetProperty("fileLinks").GetProperty("maxLifetimeDays").ValueKind);
        Assert.Equal(30, audit.GetProperty("newPolicy").GetProperty("fileLinks").GetProperty("maxLifetimeDays").GetInt32());
    }

    [Fact]
    public async Task Put_Twice_ChangesNothingTheSecondTime()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileMaxDays: 30));
        var first = (await admin.GetAsync("/api/v1/link-policy")).Body.GetProperty("lastModified").GetDateTimeOffset();

        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileMaxDays: 30));

        Assert.Equal(first, (await admin.GetAsync("/api/v1/link-policy")).Body.GetProperty("lastModified").GetDateTimeOffset());
        Assert.Single((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{}", "fileLinks" },
        { """{"fileLinks": {"requirePassword": false, "denyDownloadByDefault": false}}""", "shares" },
        { """{"fileLinks": {"denyDownloadByDefault": false}, "shares": {}}""", "fileLinks.requirePassword" },
        { """{"fileLinks": {"requirePassword": false, "denyDownloadByDefault": false, "minPasswordLength": 4}, "shares": {}}""", "fileLinks.minPasswordLength" },
        { """{"fileLinks": {"requirePassword": false, "denyDownloadByDefault": false}, "shares": {"defaultLifetimeDays": 10, "maxLifetimeDays": 5}}""", "shares.defaultLifetimeDays" },
        { """{"fileLinks": {"requirePassword": false, "denyDownloadByDefault": false, "maxLifetimeDays": 0}, "shares": {}}""", "fileLinks.maxLifetimeDays" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Put_BadInput_Returns400NamingTheFieldAndChangesNothing(string body, string field)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutRawAsync("/api/v1/link-policy", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty(field, out _), answer.Text);
        Assert.Equal(JsonValueKind.Null, (await admin.GetAsync("/api/v1/link-policy")).Body.GetProperty("lastModified").ValueKind);
        Assert.Empty((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Put_WithAReadKey_IsForbidden()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var issued = await ApiKeys.CreateAsync(admin, "read");
        using var reader = app.WithKey(issued.Key);

        var answer = await reader.PutAsync("/api/v1/link-policy", LinkPolicies.Body(fileMaxDays: 30));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/link-policy")).Status);
    }

    [Fact]
    public async Task Put_SurvivesRestartOverADifferentConfiguration()
    {
        var directory = TempDirectory.Create();
        await using (var first = new SharekeepApplication(directory, Configured()))
        {
            using var admin = first.Admin();
            await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileMaxDays: 90, requirePassword: true));
        }

        await using var second = new SharekeepApplication(directory, Configured());
        using var again = second.Admin();
        var policy = (await again.GetAsync("/api/v1/link-policy")).Body;
        var refused = await again.PostAsync($"/api/v1/files/{await again.UploadFileAsync()}/links", new { title = "no password" });

        Assert.Equal(90, policy.GetProperty("fileLinks").GetProperty("maxLifetimeDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("shares").GetProperty("defaultLifetimeDays").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task Violations_AfterTightening_ListTheLinksMadeBeforeAndWhichRuleEachBreaks()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        var open = (await admin.PostAsync($"/api/v1/files/{fileId}/links", new { title = "forever" })).Body;
        await admin.PostAsync($"/api/v1/files/{fileId}/links", new { title = "short", expires = DateTimeOffset.UtcNow.AddDays(2), password = "a long password" });
        var shareId = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(fileMaxDays: 30, requirePassword: true, shareMaxDays: 30));
        var answer = (await admin.GetAsync("/api/v1/link-policy/violations")).Body;

        var links = answer.GetProperty("links").EnumerateArray().ToList();
        Assert.False(answer.GetProperty("truncated").GetBoolean());
        Assert.Equal(2, links.Count);
        var file = links.Single(l => l.GetProperty("kind").GetString() == "fileLink");
        Assert.Equal(open.GetProperty("id").GetGuid().ToString(), file.GetProperty("id").GetString());
        Assert.Equal(["fileLinks.maxLifetimeDays", "fileLinks.requirePassword"], file.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        var share = links.Single(l => l.GetProperty("kind").GetString() == "report");
        Assert.Equal(shareId, share.GetProperty("id").GetString());
        Assert.Equal(["shares.maxLifetimeDays"], share.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Violations_BeyondTheLimit_AreTruncated()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var fileId = await admin.UploadFileAsync();
        await admin.PostAsync($"/api/v1/files/{fileId}/links", new { title = "one" });
        await admin.PostAsync($"/api/v1/files/{fileId}/links", new { title = "two" });
        await LinkPolicies.SetAsync(admin, LinkPolicies.Body(requirePassword: true));

        var answer = (await admin.GetAsync("/api/v1/link-policy/violations?limit=1")).Body;

        Assert.Single(answer.GetProperty("links").EnumerateArray());
        Assert.True(answer.GetProperty("truncated").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/link-policy/violations?limit=0")).Status);
    }
}
