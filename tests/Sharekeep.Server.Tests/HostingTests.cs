using System.Net;
using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task Healthz_Returns200OnceTheDatabaseIsReady()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        using var response = await visitor.Http.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)]
    public async Task Database_IsAFileInTheDataDirectoryInWalMode()
    {
        await using var app = new SharekeepApplication();
        _ = app.Server;
        Assert.True(File.Exists(app.DatabaseFile));

        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task DataDirectory_IsCreatedWhenMissingAndReadableByTheOwnerOnly()
    {
        var directory = Path.Combine(TempDirectory.Create(), "nested", "data");
        await using var app = new SharekeepApplication(directory);
        _ = app.Server;

        Assert.True(Directory.Exists(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ExistingFoldersReadableByOthers_AreMadeTheOwnersOnly()
    {
        var directory = TempDirectory.Create();
        var files = Path.Combine(directory, "files");
        Directory.CreateDirectory(files);
        const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(directory, Open);
        File.SetUnixFileMode(files, Open);
        try
        {
            await using var app = new SharekeepApplication(directory);
            _ = app.Server;

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(files));
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task UploadedContent_IsReadableByTheOwnerOnly()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var fileId = await admin.UploadFileAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(app.FilesDirectory, fileId.ToString("N"))));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpointWithItsAnswers()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var document = await visitor.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, document.Status);
        var paths = document.Body.GetProperty("paths");
        string[] expected =
        [
            "/api/public/share/enable", "/api/public/share/disable", "/api/share/report", "/api/share/dashboard",
            "/api/share/report/{id}", "/api/share/dashboard/{id}", "/api/share/status",
            "/api/external/share/report/{shareId}/evaluate", "/api/external/share/dashboard/{shareId}/evaluate",
            "/api/external/share/dashboard/{shareId}/report/{reportId}/evaluate",
            "/api/v1/reports", "/api/v1/reports/{id}", "/api/v1/dashboards", "/api/v1/dashboards/{id}",
            "/api/v1/shares", "/api/v1/shares/{id}", "/api/v1/policy", "/api/v1/audit",
            "/api/v1/link-policy", "/api/v1/link-policy/violations", "/api/v1/files/{fileId}/links",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document.");
        }
        var enable = paths.GetProperty("/api/public/share/enable").GetProperty("post").GetProperty("responses");
        Assert.True(enable.TryGetProperty("204", out _));
        Assert.True(enable.TryGetProperty("401", out _));
        Assert.True(enable.TryGetProperty("500", out _));
        var share = paths.GetProperty("/api/share/report").GetProperty("post").GetProperty("responses");
        Assert.True(share.TryGetProperty("200", out _));
        Assert.True(share.TryGetProperty("400", out _));
        Assert.True(share.TryGetProperty("404", out _));
        var createReport = paths.GetProperty("/api/v1/reports").GetProperty("post").GetProperty("responses");
        Assert.True(createReport.TryGetProperty("201", out _));
        Assert.True(createReport.TryGetProperty("400", out _));
        Assert.True(createReport.TryGetProperty("401", out _));
        var evaluate = paths.GetProperty("/api/external/share/report/{shareId}/evaluate").GetProperty("get").GetProperty("responses");
        Assert.True(evaluate.TryGetProperty("200", out _));
        Assert.True(evaluate.TryGetProperty("401", out _));
        Assert.True(evaluate.TryGetProperty("404", out _));
        Assert.True(document.Body.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiSecret", out _));
    }

    [Fact]
    public async Task Docs_ServesTheInteractiveReference()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        using var response = await visitor.Http.GetAsync("/docs", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Docs_CannotBeFramed_AndLoadsOnlyFromOurOrigin()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        using var response = await visitor.Http.GetAsync("/docs", TestContext.Current.CancellationToken);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task RequestLines_AreNeverLogged_EvenWhenAProvidersOwnLevelAsksForThem()
    {
        var log = new CapturedLog();
        // A rule naming a provider beats every rule naming none, whatever its category.
        await using var app = new SharekeepApplication(
            settings: new Dictionary<string, string?> { [$"Logging:{typeof(CapturedLog).FullName}:LogLevel:Default"] = "Information" },
            services: log.AddTo);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(content: "the bytes");

        await visitor.GetAsync($"/s/{key}/content");

        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sharekeep:MaxRequestBodyBytes", "10")]
    [InlineData("Sharekeep:MinRequestBodyBytesPerSecond", "0")]
    [InlineData("Sharekeep:ApiSecret", "skk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")]
    [InlineData("Sharekeep:FailedAuthenticationsPerMinute", "0")]
    [InlineData("Sharekeep:Downloads:OffloadPrefix", "/files")]
    [InlineData("Sharekeep:Downloads:OffloadPrefix", "/a/../b/")]
    [InlineData("Sharekeep:Downloads:OffloadPrefix", "/a b/")]
    [InlineData("Sharekeep:LinkPolicy:FileLinks:MaxLifetimeDays", "0")]
    [InlineData("Sharekeep:LinkPolicy:FileLinks:MinPasswordLength", "6")]
    [InlineData("Sharekeep:LinkPolicy:Shares:DefaultLifetimeDays", "4000")]
    public async Task InvalidConfiguration_StopsStartUpWithAMessageNamingTheSetting(string setting, string value)
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains(setting, error.ToString(), StringComparison.Ordinal);
    }
}
