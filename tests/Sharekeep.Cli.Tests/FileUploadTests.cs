using System.Security.Cryptography;
using System.Text;
using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>sharekeep files upload: a multipart upload the server stores byte for byte.</summary>
public sealed class FileUploadTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Upload_StoresTheFileByteForByte_UnderItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharekeep-cli-{Guid.NewGuid():N}.txt");
        var content = Encoding.UTF8.GetBytes("Board minutes, 12 May\n" + new string('x', 200_000));
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);

        var result = await server.RunAsync("--json", "files", "upload", path);
        File.Delete(path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var id = result.Json.GetProperty("id").GetGuid();
        using var client = server.Api();
        var stored = await client.GetByteArrayAsync(new Uri($"/api/v1/files/{id}/content", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(content, stored);
        Assert.Equal(Path.GetFileName(path), result.Json.GetProperty("name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.Json.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Upload_OnATerminal_ShowsProgressOnStandardErrorOnly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharekeep-cli-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "hello", TestContext.Current.CancellationToken);

        var onTerminal = await Tool.RunAsync(server.Variables, ["--json", "files", "upload", path], errorIsTerminal: true);
        var inAScript = await Tool.RunAsync(server.Variables, ["--json", "files", "upload", path]);
        File.Delete(path);

        Assert.Contains("uploading " + Path.GetFileName(path), onTerminal.Error, StringComparison.Ordinal);
        Assert.Equal("", inAScript.Error);
        Assert.Equal("hello".Length, onTerminal.Json.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Upload_OfAMissingFile_IsAUsageError()
    {
        var result = await server.RunAsync("files", "upload", "/nonexistent/minutes.txt");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }
}
