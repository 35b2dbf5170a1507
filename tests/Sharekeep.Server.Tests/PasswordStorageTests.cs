using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sharekeep.Core.Links;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Link passwords reach the disk only as slow salted hashes. These servers run without the suite's cheap test cost
/// (<see cref="SharekeepApplication.CheapPasswords"/>), as a deployment does.
/// </summary>
public sealed class PasswordStorageTests
{
    private const string Password = "Plaintext-Canary-4711";

    private static SharekeepApplication AsDeployed(string directory) =>
        new(directory, services: services => services.RemoveAll<LinkPasswordCost>());

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)]
    public async Task DataDirectory_HoldsNoLinkPasswordInClearText()
    {
        var directory = TempDirectory.Create();
        var app = AsDeployed(directory);
        using (var admin = app.Admin())
        using (var browser = app.Visitor())
        {
            var fileId = await admin.UploadFileAsync();
            var link = await admin.SetLinkAsync(fileId, new { password = Password });
            await admin.SetLinkAsync(fileId, new { linkId = link.GetProperty("id").GetGuid(), title = "renamed" });
            await browser.PostAsync($"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}/password", new { password = Password });
        }
        await app.DisposeAsync();

        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("sharekeep.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(Password)), $"{Path.GetFileName(file)} holds the password.");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(Password)), $"{Path.GetFileName(file)} holds the password (UTF-16).");
        }
        TempDirectory.Delete(directory);
    }

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)]
    public async Task Database_HoldsAPbkdf2HashWithAtLeast600000Iterations()
    {
        var directory = TempDirectory.Create();
        var app = AsDeployed(directory);
        using (var admin = app.Admin())
        {
            await admin.ShareFileAsync(new { password = Password });
        }
        await app.DisposeAsync();

        // The database and its write-ahead log, whichever holds the row now.
        var text = string.Concat(Directory.GetFiles(directory, "sharekeep.db*").Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        var hash = System.Text.RegularExpressions.Regex.Match(text, @"pbkdf2-sha256\$(?<iterations>\d+)\$");
        Assert.True(hash.Success, "No PBKDF2 hash in the database.");
        Assert.True(int.Parse(hash.Groups["iterations"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 600_000);
        TempDirectory.Delete(directory);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
