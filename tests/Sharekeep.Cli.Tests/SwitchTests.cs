using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>sharekeep status, sharing on|off and external on|off against the built server.</summary>
public sealed class SwitchTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task SharingOff_SwitchesSharingOffOnTheServer_AndPrintsTheSwitches()
    {
        await server.RunAsync("sharing", "on");

        var result = await server.RunAsync("sharing", "off");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False((await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean());
        Assert.Matches(@"(?m)^sharing\s+off$", result.Output);
    }

    [Fact]
    public async Task SharingOn_SwitchesSharingOnAgain()
    {
        await server.RunAsync("sharing", "off");

        var result = await server.RunAsync("sharing", "on");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task ExternalOff_WithJson_SwitchesExternalSharingOff_AndWritesThePolicyInForce()
    {
        await server.RunAsync("external", "on");

        var result = await server.RunAsync("--json", "external", "off");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(result.Json.GetProperty("externalSharingEnabled").GetBoolean());
        Assert.False((await server.GetAsync("/api/v1/policy")).GetProperty("externalSharingEnabled").GetBoolean());
        await server.RunAsync("external", "on");
    }

    [Fact]
    public async Task Sharing_WithAWordOtherThanOnOrOff_IsAUsageError_AndChangesNothing()
    {
        await server.RunAsync("sharing", "on");

        var result = await server.RunAsync("sharing", "of");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.True((await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task Status_PrintsHealthTheSwitchesAndTheLinkPolicy()
    {
        var result = await server.RunAsync("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^health\s+Healthy$", result.Output);
        Assert.Matches(@"(?m)^external sharing\s+(on|off)$", result.Output);
        Assert.Matches(@"(?m)^file links\s+default ", result.Output);
    }

    [Fact]
    public async Task Status_WithJson_WritesOneDocumentWithHealthPolicyAndLinkPolicy()
    {
        var result = await server.RunAsync("status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var status = result.Json;
        Assert.Equal("Healthy", status.GetProperty("health").GetString());
        Assert.Equal(
            (await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean(),
            status.GetProperty("policy").GetProperty("sharingEnabled").GetBoolean());
        Assert.True(status.GetProperty("linkPolicy").TryGetProperty("fileLinks", out _));
    }
}
