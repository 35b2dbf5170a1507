using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>sharekeep policy show|set: the link policy through GET/PUT /api/v1/link-policy.</summary>
public sealed class PolicyTests(CliServer server) : IClassFixture<CliServer>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await server.ClearLinkPolicyAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Set_ChangesTheNamedFields_AndKeepsTheOthers()
    {
        await server.RunAsync("policy", "set", "--share-max-days", "90", "--deny-download-by-default", "true");

        var result = await server.RunAsync("policy", "set", "--file-max-days", "30", "--require-password", "true", "--min-password-length", "12");

        Assert.True(result.ExitCode == 0, result.ToString());
        var policy = await server.GetAsync("/api/v1/link-policy");
        var files = policy.GetProperty("fileLinks");
        Assert.Equal(30, files.GetProperty("maxLifetimeDays").GetInt32());
        Assert.True(files.GetProperty("requirePassword").GetBoolean());
        Assert.Equal(12, files.GetProperty("minPasswordLength").GetInt32());
        Assert.True(files.GetProperty("denyDownloadByDefault").GetBoolean());
        Assert.Equal(90, policy.GetProperty("shares").GetProperty("maxLifetimeDays").GetInt32());
    }

    [Fact]
    public async Task Set_None_LiftsALimit()
    {
        await server.RunAsync("policy", "set", "--share-default-days", "14");

        var result = await server.RunAsync("policy", "set", "--share-default-days", "none");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await server.GetAsync("/api/v1/link-policy")).GetProperty("shares").GetProperty("defaultLifetimeDays").ValueKind);
    }

    [Fact]
    public async Task Set_AValueTheServerRefuses_Exits1WithTheFieldItNames_AndChangesNothing()
    {
        var before = (await server.GetAsync("/api/v1/link-policy")).GetProperty("fileLinks").GetRawText();

        var result = await server.RunAsync("policy", "set", "--file-max-days", "99999");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("400", result.Error, StringComparison.Ordinal);
        Assert.Contains("maxLifetimeDays", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await server.GetAsync("/api/v1/link-policy")).GetProperty("fileLinks").GetRawText());
    }

    [Fact]
    public async Task Set_WithoutAField_IsAUsageError()
    {
        var result = await server.RunAsync("policy", "set");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--file-max-days", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_ANumberThatIsNot_IsAUsageError()
    {
        var result = await server.RunAsync("policy", "set", "--file-max-days", "thirty");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'thirty' is not a whole number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_WithJson_WritesThePolicyTheServerAnswers()
    {
        await server.RunAsync("policy", "set", "--file-default-days", "7");

        var result = await server.RunAsync("--json", "policy", "show");

        Assert.True(result.ExitCode == 0, result.ToString());
        var served = await server.GetAsync("/api/v1/link-policy");
        Assert.Equal(7, result.Json.GetProperty("fileLinks").GetProperty("defaultLifetimeDays").GetInt32());
        Assert.Equal(served.GetProperty("lastModified").GetDateTimeOffset(), result.Json.GetProperty("lastModified").GetDateTimeOffset());
    }
}
