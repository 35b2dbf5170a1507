using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Links;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// The real server over a real database (a SQLite file in its own folder, or its own PostgreSQL database in the
/// PostgreSQL pass); restartable over the same folder.
/// </summary>
public sealed class SharekeepApplication : WebApplicationFactory<Program>
{
    public const string Secret = "test-secret-0123456789abcdef";

    /// <summary>
    /// What in-process servers hash link passwords with: 1 000 iterations instead of 600 000 (0.18 s of CPU a hash,
    /// most of the suite's CPU). Tests about the stored cost take it out again with <c>RemoveAll&lt;LinkPasswordCost&gt;()</c>.
    /// </summary>
    internal static readonly LinkPasswordCost CheapPasswords = new(1_000);

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDirectory;

    public SharekeepApplication(
        string? dataDirectory = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? TempDirectory.Create();
        _settings = new Dictionary<string, string?>
        {
            ["Sharekeep:DataDirectory"] = DataDirectory,
            ["Sharekeep:ApiSecret"] = Secret,
            // A refused password try is not held back a second here: five tries to lock a link were five seconds of
            // waiting in each of dozens of tests. The hold-back has its own tests (PasswordGuardTests) and the
            // server processes keep it; a test may set it again.
            ["Sharekeep:Passwords:RefusalDelayMilliseconds"] = "0",
            // Nor are checks paced to one a second per core (what 600 000-iteration hashes need): with the cheap
            // hashes above and no hold-back, a few quick tries otherwise queue past the wait limit on a busy machine
            // and are refused as busy. PasswordGuardTests cover the pacing.
            ["Sharekeep:Passwords:ChecksPerMinute"] = "60000",
        };
        foreach (var (key, value) in TestDatabase.Settings(DataDirectory))
        {
            _settings[key] = value;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        _services = services;
    }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "sharekeep.db");

    /// <summary>A client that sends the API secret.</summary>
    public SharekeepClient Admin() => new(CreateClient(), Secret);

    /// <summary>A client that sends <paramref name="key"/> (an API key) as its bearer credential.</summary>
    public SharekeepClient WithKey(string key) => new(CreateClient(), key);

    /// <summary>A client with no credentials, as a visitor holding a share URL.</summary>
    public SharekeepClient Visitor() => new(CreateClient(), null);

    /// <summary>A visitor whose cookies and redirects the test handles itself, to look at them.</summary>
    public SharekeepClient RawVisitor() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }), null);

    public string FilesDirectory => Path.Combine(DataDirectory, "files");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton(CheapPasswords));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory)
        {
            TempDirectory.Delete(DataDirectory);
        }
    }
}
