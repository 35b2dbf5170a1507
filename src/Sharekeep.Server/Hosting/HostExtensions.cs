using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Sharekeep.Server.Hosting;

internal static class HostExtensions
{
    private const string RequestLineCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The web server and logging rules that hold whatever the configuration file says.</summary>
    public static WebApplicationBuilder ConfigureSharekeepHost(this WebApplicationBuilder builder)
    {
        builder.ReadSettingsBesideTheProgram();
        // Request lines carry share keys in their paths, and share keys are credentials: never log them, whatever
        // the configuration says. A rule that names a provider ("Logging:Console:LogLevel:Default") beats every rule
        // that names none, so the category is switched off for each provider the rules name as well, after they are
        // all read (and again whenever the configuration reloads). The category's other messages (a URL setting
        // overridden, a hosting-startup assembly that failed, errors while stopping) are rare and reported otherwise
        // too; while it is enabled at any level the host also opens a log scope (holding the path) and an Activity
        // for every request even with no one listening.
        builder.Services.PostConfigure<LoggerFilterOptions>(filters =>
        {
            foreach (var provider in filters.Rules.Select(rule => rule.ProviderName).Append(null).Distinct().ToList())
            {
                filters.Rules.Add(new LoggerFilterRule(provider, RequestLineCategory, LogLevel.None, filter: null));
            }
        });
        // Say nothing about the server software to anonymous callers.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Kestrel's own floor for a body's average rate is 240 B/s, at which a 100 MiB upload may hold its connection
        // for five days; a floor from configuration bounds it for the size allowed (the idle limit, BodyIdleLimit,
        // catches a body that stops; this one a body that trickles).
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<SharekeepOptions>>((kestrel, options) =>
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(options.Value.MinRequestBodyBytesPerSecond, SharekeepOptions.MinRequestBodyRateGrace));

        builder.Services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in configuration: the framework's default would also believe loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>
    /// The client's address and scheme as the configured proxies report them (for the brakes and the cookies'
    /// Secure flag); with no proxy configured, X-Forwarded-* is nobody's word and is ignored.
    /// </summary>
    public static WebApplication UseSharekeepProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.IsConfigured)
        {
            var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
            // Before the forwarded headers replace it: whether the connection itself comes from a configured proxy.
            app.Use((context, next) =>
            {
                if (context.Connection.RemoteIpAddress is { } peer && IsKnownProxy(forwarded, peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer))
                {
                    context.Features.Set(ProxyPeer.Instance);
                }
                return next(context);
            });
            app.UseForwardedHeaders();
        }
        return app;
    }

    private static bool IsKnownProxy(ForwardedHeadersOptions forwarded, IPAddress peer) =>
        forwarded.KnownProxies.Contains(peer) || forwarded.KnownIPNetworks.Any(network => network.Contains(peer));

    /// <summary>
    /// Started from another folder (<c>dotnet /opt/sharekeep/Sharekeep.Server.dll</c>), the content root is that
    /// folder and has no appsettings.json, so the file shipped beside the program would be skipped without a word.
    /// It is then read from there, at the same place among the sources: the environment and the command line still win.
    /// </summary>
    private static void ReadSettingsBesideTheProgram(this WebApplicationBuilder builder)
    {
        const string File = "appsettings.json";
        var beside = AppContext.BaseDirectory;
        if (System.IO.File.Exists(Path.Combine(builder.Environment.ContentRootPath, File)) || !System.IO.File.Exists(Path.Combine(beside, File)))
        {
            return;
        }
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var contentRootFile = sources.OfType<JsonConfigurationSource>().FirstOrDefault(s => s.Path == File);
        var at = contentRootFile is null ? 0 : sources.IndexOf(contentRootFile) + 1;
        sources.Insert(at, new JsonConfigurationSource { Path = File, Optional = true, FileProvider = new PhysicalFileProvider(beside) });
    }

    /// <summary>/healthz: the database as the app reaches it, and whether this instance hears other instances' changes.</summary>
    public static WebApplicationBuilder AddSharekeepHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<Storage.SharekeepDbContext>("database")
            .AddCheck<ChangeFeedHealthCheck>("change-feed");
        return builder;
    }

    public static WebApplication MapSharekeepHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}
