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
        await AssertRefusedBeforeSharingOffIsSentAsync(SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead), "chmod 600");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SecretFileThatItsGroupCanRead_IsRefused_AndNothingIsSent()
    {
        await AssertRefusedBeforeSharingOffIsSentAsync(SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead), "can be read by other users");
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
    [UnsupportedOSPlatform("windows")]
    public async Task SecretFileLongerThanAnySecret_IsRefused_AndNothingIsSent()
    {
        await AssertRefusedBeforeSharingOffIsSentAsync(SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite, new string('k', 4097)), "longer than 4096 bytes");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task HugeSparseSecretFile_IsRefusedAfterReadingOnlyItsBound()
    {
        var secretFile = SecretFile(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using (var stream = File.OpenWrite(secretFile))
        {
            stream.SetLength(64L * 1024 * 1024 * 1024);
        }

        var result = await RunWithSecretFileAsync(secretFile, "status");
        File.Delete(secretFile);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("longer than 4096 bytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SecretFileThatIsAFifoWithNoWriter_IsRefused_NotWaitedOn()
    {
        var fifo = Path.Combine(Path.GetTempPath(), $"sharekeep-secret-{Guid.NewGuid():N}");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", ["-m", "600", fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var result = await RunWithSecretFileAsync(fifo, "status");
        File.Delete(fifo);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("not a regular file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SecretFileThatIsATerminalOrDevice_IsRefused()
    {
        var result = await RunWithSecretFileAsync("/dev/zero", "status");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("/dev/zero", result.Error, StringComparison.Ordinal);
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

    /// <summary>Sharing is on; "sharing off" with this secret file exits 2 with these words, and sharing stays on.</summary>
    private async Task AssertRefusedBeforeSharingOffIsSentAsync(string secretFile, string words)
    {
        await server.RunAsync("sharing", "on");

        var result = await RunWithSecretFileAsync(secretFile, "sharing", "off");
        File.Delete(secretFile);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(words, result.Error, StringComparison.Ordinal);
        Assert.True((await server.GetAsync("/api/v1/policy")).GetProperty("sharingEnabled").GetBoolean());
    }

    private Task<CliResult> RunWithSecretFileAsync(string secretFile, params string[] command) =>
        Tool.RunAsync(new Dictionary<string, string?> { ["SHAREKEEP_URL"] = server.Address.ToString() }, ["--secret-file", secretFile, .. command]);

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
