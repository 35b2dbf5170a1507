using System.Net;
using Sharekeep.Cli.Tests.Infrastructure;

namespace Sharekeep.Cli.Tests;

/// <summary>sharekeep links create: shares of reports (POST /api/v1/shares) and file links (POST /api/v1/files/{id}/links).</summary>
public sealed class LinkCreateTests(CliServer server) : IClassFixture<CliServer>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await server.ClearLinkPolicyAsync();
        await server.RunAsync("sharing", "on");
        await server.RunAsync("external", "on");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task CreateShare_OfAReport_PrintsAPageUrlThatShowsTheReportToAnyone()
    {
        var report = await server.CreateReportAsync("Quarterly sales");

        var result = await server.RunAsync("links", "create", "--report", report.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var url = new Uri(result.Output.Split('\n')[0].Trim());
        using var visitor = new HttpClient();
        using var page = await visitor.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Quarterly sales", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateShare_WithExpires_GivesTheShareThatExpiry()
    {
        var report = await server.CreateReportAsync();

        var result = await server.RunAsync("--json", "links", "create", "--report", report.ToString(), "--expires", "2030-01-31");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new DateTimeOffset(2030, 1, 31, 0, 0, 0, TimeSpan.Zero), result.Json.GetProperty("expires").GetDateTimeOffset());
    }

    [Fact]
    public async Task CreateFileLink_WithPasswordFromStandardInput_MakesALinkWithAPassword_AndShowsItNowhere()
    {
        var file = await server.UploadAsync("minutes.txt", "Board minutes");
        const string password = "correct horse battery staple";

        var result = await Tool.RunAsync(server.Variables, ["--json", "links", "create", "--file", file.ToString(), "--title", "For the board", "--password-stdin"], input: password + "\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Json.GetProperty("hasPassword").GetBoolean());
        Assert.Equal("For the board", result.Json.GetProperty("title").GetString());
        Assert.DoesNotContain(password, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFileLink_PastThePolicysMaximum_Exits1WithTheServersWordsNamingTheLimit()
    {
        var file = await server.UploadAsync("minutes.txt", "Board minutes");
        await server.RunAsync("policy", "set", "--file-max-days", "30");

        var result = await server.RunAsync("links", "create", "--file", file.ToString(), "--expires", DateTimeOffset.UtcNow.AddDays(60).ToString("O"));

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("fileLinks.maxLifetimeDays", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task CreateShare_OfAnUnknownReport_Exits1()
    {
        var result = await server.RunAsync("links", "create", "--report", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithBothAReportAndAFile_IsAUsageError()
    {
        var result = await server.RunAsync("links", "create", "--report", Guid.NewGuid().ToString(), "--file", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("exactly one of --report, --dashboard and --file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAnIdThatIsNotOne_IsAUsageErrorNamingTheOption()
    {
        var result = await server.RunAsync("links", "create", "--file", "minutes.txt");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--file: 'minutes.txt' is not an id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateShare_WithAPassword_IsAUsageError_SharesHaveNone()
    {
        var result = await server.RunAsync("links", "create", "--report", Guid.NewGuid().ToString(), "--password-stdin");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }
}
