using System.Runtime.Versioning;
using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>
/// Where the address and secret come from (never an argument), and the exit codes for a refused credential, a
/// server that cannot be reached and a command line that is missing them.
/// </summary>
public sealed class CredentialTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task AsAProcess_WithTheSecretInTheEnvironment_SwitchesSharing()
    {
        var result = await Tool.RunProcessAsync(server.Variables, "sharing", "on");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^sharing\s+on$", result.Output);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task AsAProcess_WithTheSecretInAnOwnerOnlyFile_SwitchesSharing()
    {
        var secretFile = SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await Tool.RunProcessAsync(
            new Dictionary<string, string?> { ["SHAREKEEP_URL"] = server.Address.ToString() }, "--secret-file", secretFile, "--json", "sharing", "on");
        File.Delete(secretFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Json.GetProperty("sharingEnabled").GetBoolean());
        Assert.Equal("", result.Error);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SecretFileThatOthersCanRead_IsRefused_AndNothingIsSent()
    {
        await server.RunAsync("sharing", "on");
        var secretFile = SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await Tool.RunAsync(
            new Dictionary<string, string?> { ["SHAREKEEP_URL"] = server.Address.ToString() }, ["--secret-file", secretFile, "sharing", "off"]);
        File.Delete(secretFile);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("chmod 600", result.Error, StringComparison.Ordinal);
        Assert.True((await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SecretFileThatItsGroupCanRead_IsRefused_AndNothingIsSent()
    {
        await server.RunAsync("sharing", "on");
        var secretFile = SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var result = await Tool.RunAsync(
            new Dictionary<string, string?> { ["SHAREKEEP_URL"] = server.Address.ToString() }, ["--secret-file", secretFile, "sharing", "off"]);
        File.Delete(secretFile);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("can be read by other users", result.Error, StringComparison.Ordinal);
        Assert.True((await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task SecretFileOption_WinsOverTheEnvironment()
    {
        var secretFile = SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite, "not-the-secret");

        var result = await Tool.RunAsync(server.Variables, ["--secret-file", secretFile, "status"]);
        File.Delete(secretFile);

        Assert.Equal(ExitCodes.Credentials, result.ExitCode);
    }

    [Fact]
    public async Task WrongSecret_Exits3WithTheServersWords()
    {
        var variables = server.Variables;
        variables["SHAREKEEP_API_KEY"] = "not-the-secret";

        var result = await Tool.RunAsync(variables, ["status"]);

        Assert.Equal(ExitCodes.Credentials, result.ExitCode);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyWithoutThePolicyScope_SharingOff_Exits3_AndChangesNothing()
    {
        await server.RunAsync("sharing", "on");
        var key = (await server.PostAsync("/api/v1/keys", new { name = "reader", scopes = new[] { "read" } })).GetProperty("key").GetString();
        var variables = server.Variables;
        variables["SHAREKEEP_API_KEY"] = key;

        var result = await Tool.RunAsync(variables, ["sharing", "off"]);

        Assert.Equal(ExitCodes.Credentials, result.ExitCode);
        Assert.Contains("403", result.Error, StringComparison.Ordinal);
        Assert.True((await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task NoServerListening_Exits4()
    {
        var variables = server.Variables;
        variables["SHAREKEEP_URL"] = $"http://127.0.0.1:{Server.Tests.Infrastructure.ServerProcess.FreePort()}";

        var result = await Tool.RunAsync(variables, ["status"]);

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Contains("Could not reach", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSecret_IsAUsageErrorNamingWhereToPutIt()
    {
        var result = await Tool.RunAsync(new Dictionary<string, string?> { ["SHAREKEEP_URL"] = server.Address.ToString() }, ["status"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("SHAREKEEP_API_KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAddress_IsAUsageError()
    {
        var result = await Tool.RunAsync(new Dictionary<string, string?> { ["SHAREKEEP_API_KEY"] = CliServer.Secret }, ["status"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--url", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var result = await server.RunAsync("shraing", "off");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    private static string SecretFile(UnixFileMode mode, string secret = CliServer.Secret)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharekeep-secret-{Guid.NewGuid():N}");
        File.WriteAllText(path, secret + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
        return path;
    }
}
