namespace Sharekeep.Server.Hosting;

internal static class HostExtensions
{
    /// <summary>The web server and logging rules that hold whatever the configuration file says.</summary>
    public static WebApplicationBuilder ConfigureSharekeepHost(this WebApplicationBuilder builder)
    {
        // Request lines carry share keys in their paths, and share keys are credentials: never log them,
        // whatever the configuration file says (this rule is registered after the file's, so it wins).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // Say nothing about the server software to anonymous callers.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
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
