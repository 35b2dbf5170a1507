using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>files/settings and its two switches, in the document platform's envelope (seed 002, steps 1-3).</summary>
public sealed class PlatformSettingsTests
{
    private const string External = "/api/2.0/files/settings/external";
    private const string SocialMedia = "/api/2.0/files/settings/externalsocialmedia";

    private static async Task<(bool External, bool SocialMedia)> SettingsAsync(SharekeepClient admin)
    {
        var response = (await admin.GetAsync("/api/2.0/files/settings")).Response;
        return (response.GetProperty("externalShare").GetBoolean(), response.GetProperty("externalShareSocialMedia").GetBoolean());
    }

    [Fact]
    public async Task GetSettings_AnswersTheSuccessEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/2.0/files/settings");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(EnvelopeStatus.Ok, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(StatusCodes.Status200OK, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.Equal(1, answer.Body.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Array, answer.Body.GetProperty("links").ValueKind);
        Assert.Equal("GET", answer.Body.GetProperty("links")[0].GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Object, answer.Response.ValueKind);
    }

    [Fact]
    public async Task GetSettings_ReportsExternalSharingOnAndSocialMediaOffByDefault()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        Assert.Equal((true, false), await SettingsAsync(admin));
    }

    [Fact]
    public async Task GetSettings_ReportsOnlyTheSettingsSharekeepHas()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var names = (await admin.GetAsync("/api/2.0/files/settings")).Response.EnumerateObject().Select(p => p.Name);

        Assert.Equal(["externalShare", "externalShareSocialMedia"], names.Order());
    }

    [Theory]
    [InlineData("{\"displayValue\": false}")]
    [InlineData("{\"set\": false}")]
    [InlineData("{\"Set\": false}")]
    public async Task SetExternal_WithEitherSpelling_SwitchesItOffAndAnswersTheValue(string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutRawAsync(External, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Response.GetBoolean());
        Assert.Equal(EnvelopeStatus.Ok, answer.Body.GetProperty("status").GetInt32());
        Assert.False((await SettingsAsync(admin)).External);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("\"false\"")]
    [InlineData("0")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"set\": \"false\"}")]
    [InlineData("{\"displayValue\": 0}")]
    [InlineData("{\"set\": null}")]
    [InlineData("{\"set\": true, \"displayValue\": false}")]
    [InlineData("{\"set\": false,}")]
    [InlineData("not json")]
    public async Task SetExternal_WithoutABoolean_Answers400InTheErrorEnvelopeAndChangesNothing(string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutRawAsync(External, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(EnvelopeStatus.Error, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(StatusCodes.Status400BadRequest, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(answer.PlatformError));
        Assert.Equal((true, false), await SettingsAsync(admin));
        Assert.Empty((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());
    }

    [Fact]
    public async Task SetExternal_WithoutContentType_IsStillReadAsJson()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutRawAsync(External, "{\"set\": false}", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Response.GetBoolean());
    }

    [Fact]
    public async Task SetSocialMedia_WhileExternalIsOn_AnswersTrue()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutAsync(SocialMedia, new { displayValue = true });

        Assert.True(answer.Response.GetBoolean());
        Assert.Equal((true, true), await SettingsAsync(admin));
    }

    [Fact]
    public async Task SetSocialMedia_WhileExternalIsOff_AnswersFalse()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.SetExternalSharingAsync(false);

        var answer = await admin.PutAsync(SocialMedia, new { displayValue = true });

        Assert.False(answer.Response.GetBoolean());
        Assert.Equal((false, false), await SettingsAsync(admin));
    }

    [Fact]
    public async Task ExternalOffAndOnAgain_BringsBackTheSocialMediaSetting()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.PutAsync(SocialMedia, new { set = true });

        await admin.SetExternalSharingAsync(false);
        var whileOff = await SettingsAsync(admin);
        await admin.SetExternalSharingAsync(true);

        Assert.Equal((false, false), whileOff);
        Assert.Equal((true, true), await SettingsAsync(admin));
    }

    [Fact]
    public async Task SetExternal_Twice_WritesOneAuditEntry()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        await admin.SetExternalSharingAsync(false);
        await admin.SetExternalSharingAsync(false);

        var audit = (await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray().ToList();
        var entry = Assert.Single(audit);
        Assert.Equal("externalSharing", entry.GetProperty("setting").GetString());
        Assert.True(entry.GetProperty("oldValue").GetBoolean());
        Assert.False(entry.GetProperty("newValue").GetBoolean());
    }

    [Fact]
    public async Task SetSocialMedia_IsAudited()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        await admin.PutAsync(SocialMedia, new { set = true });

        var entry = Assert.Single((await admin.GetAsync("/api/v1/audit")).Body.EnumerateArray());
        Assert.Equal("socialMedia", entry.GetProperty("setting").GetString());
    }

    [Fact]
    public async Task ConfiguredValues_HoldUntilTheApiSetsThem()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?>
        {
            ["Sharekeep:Sharing:ExternalEnabled"] = "false",
            ["Sharekeep:Sharing:SocialMediaEnabled"] = "true",
        });
        using var admin = app.Admin();

        var before = await SettingsAsync(admin);
        await admin.SetExternalSharingAsync(true);

        Assert.Equal((false, false), before);
        Assert.Equal((true, true), await SettingsAsync(admin));
    }

    [Fact]
    public async Task ValueSetByTheApi_WinsOverConfigurationAfterRestart()
    {
        var directory = TempDirectory.Create();
        await using (var first = new SharekeepApplication(directory))
        {
            using var admin = first.Admin();
            await admin.SetExternalSharingAsync(false);
            await admin.PutAsync(SocialMedia, new { set = true });
        }

        await using var second = new SharekeepApplication(directory, new Dictionary<string, string?>
        {
            ["Sharekeep:Sharing:ExternalEnabled"] = "true",
            ["Sharekeep:Sharing:SocialMediaEnabled"] = "false",
        });
        using var again = second.Admin();
        var afterRestart = await SettingsAsync(again);
        await again.SetExternalSharingAsync(true);

        Assert.Equal((false, false), afterRestart);
        Assert.Equal((true, true), await SettingsAsync(again));
        TempDirectory.Delete(directory);
    }

    [Fact]
    public async Task NativePolicy_ReportsTheFileSwitchesToo()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.PutAsync(SocialMedia, new { set = true });
        await admin.SetExternalSharingAsync(false);

        var policy = (await admin.GetAsync("/api/v1/policy")).Body;

        Assert.False(policy.GetProperty("externalSharingEnabled").GetBoolean());
        Assert.False(policy.GetProperty("socialMediaEnabled").GetBoolean());
        Assert.True(policy.GetProperty("socialMediaSetting").GetBoolean());
    }

    [Theory]
    [InlineData("GET", "/api/2.0/files/settings")]
    [InlineData("PUT", External)]
    [InlineData("PUT", SocialMedia)]
    public async Task Settings_WithoutTheSecret_Answer401InTheErrorEnvelope(string method, string path)
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var answer = await visitor.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"set\":false}") });

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(EnvelopeStatus.Error, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(StatusCodes.Status401Unauthorized, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(answer.PlatformError));
    }

    [Fact]
    public async Task Settings_WithAWrongSecret_Answer401AndChangeNothing()
    {
        await using var app = new SharekeepApplication();
        using var stranger = new SharekeepClient(app.CreateClient(), "not-the-secret");
        using var admin = app.Admin();

        var answer = await stranger.PutAsync(External, new { set = false });

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.True((await SettingsAsync(admin)).External);
    }

    [Fact]
    public async Task UnknownPathUnderTheDialect_Answers404InTheErrorEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/2.0/files/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(StatusCodes.Status404NotFound, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.Equal(EnvelopeStatus.Error, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ErrorEnvelope_CarriesNoStackTrace()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PutRawAsync("/api/2.0/files/file/not-a-guid/links", "{\"linkId\": 12}");

        Assert.Equal(["message"], answer.Body.GetProperty("error").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("   at ", answer.Text, StringComparison.Ordinal);
    }
}
