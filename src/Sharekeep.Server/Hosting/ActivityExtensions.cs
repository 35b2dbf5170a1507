using Microsoft.Extensions.Options;
using Sharekeep.Core.Activity;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Server.Hosting;

internal static class ActivityExtensions
{
    /// <summary>Per-link activity: counted in memory by every visitor's request, written by one background flush.</summary>
    public static WebApplicationBuilder AddLinkActivity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ActivityOptions>()
            .BindConfiguration(ActivityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ActivityBuffer(
            sp.GetRequiredService<IOptions<ActivityOptions>>().Value.ToLimits(), sp.GetRequiredService<SharekeepMetrics>()));
        builder.Services.AddSingleton(sp => new LinkActivity(
            sp.GetRequiredService<ActivityBuffer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ActivityOptions>>().Value.Enabled,
            sp.GetRequiredService<SharekeepMetrics>()));
        builder.Services.AddScoped<ActivityReader>();
        if (builder.Configuration.GetValue(ActivityOptions.Section + ":Enabled", true))
        {
            builder.Services.AddHostedService<ActivityFlushService>();
        }
        return builder;
    }
}
