using System.Diagnostics;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Telemetry;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// Metrics and traces through OpenTelemetry, and JSON logs with trace ids (decision 27). Nothing of it is set up
/// unless asked for (an OTLP endpoint, the Prometheus scrape endpoint, the JSON log format): with nobody listening,
/// a visitor's request makes no Activity and records no measurement.
/// </summary>
internal static class TelemetryExtensions
{
    /// <summary>The standard variable every OpenTelemetry SDK reads; set, metrics, traces and logs go there.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string PrometheusPath = "/metrics";

    /// <summary>The framework's source of the per-request Activity, the one a trace id in the logs comes from.</summary>
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    // Tags the instrumentation fills from the request line: the path holds a share key, and keys are credentials.
    private static readonly string[] RequestLineTags = ["url.path", "url.query", "url.full", "http.target", "http.url"];

    public static WebApplicationBuilder AddSharekeepTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddJsonLogs(tracing: otlp);
        }
        if (!metrics.Prometheus && !otlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("sharekeep", serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithMetrics(meters =>
            {
                meters.AddMeter(SharekeepMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (metrics.Prometheus)
                {
                    meters.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(traces => traces
                .AddAspNetCoreInstrumentation(options => options.EnrichWithHttpRequest = (activity, _) => ForgetRequestLine(activity))
                .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (activity, _) => ForgetRequestLine(activity))
                .AddNpgsql());
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// GET /metrics for Prometheus, when Sharekeep:Metrics:Prometheus is true: behind the API secret or a key with
    /// the <c>read</c> scope, like every other read of the admin API, never open.
    /// </summary>
    public static WebApplication MapSharekeepMetrics(this WebApplication app)
    {
        if (app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Prometheus == true)
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath).RequireAuthorization().RequireScope(ApiScope.Metrics);
        }
        return app;
    }

    /// <summary>
    /// The span keeps its route template ("GET /s/{key}") and loses the path it was filled from, whatever an
    /// instrumentation's version puts there.
    /// </summary>
    internal static void ForgetRequestLine(Activity activity)
    {
        foreach (var tag in RequestLineTags)
        {
            activity.SetTag(tag, null);
        }
    }

    /// <summary>
    /// JSON console lines carry each request's trace id in their scopes. The host makes a request's Activity only
    /// when someone listens (Sharekeep keeps the host's own request logging off, decision 22), so without OTLP
    /// tracing a listener asks for ids only: nothing is recorded or exported.
    /// </summary>
    private static void AddJsonLogs(this WebApplicationBuilder builder, bool tracing)
    {
        if (builder.Configuration["Logging:Console:FormatterOptions:IncludeScopes"] is null)
        {
            builder.Services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);
        }
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!tracing)
        {
            builder.Services.AddHostedService<TraceIdListener>();
        }
    }

    private sealed class TraceIdListener : IHostedService, IDisposable
    {
        private readonly ActivityListener _listener = new()
        {
            ShouldListenTo = source => source.Name == AspNetCoreSource,
            Sample = (ref _) => ActivitySamplingResult.PropagationData,
        };

        public Task StartAsync(CancellationToken cancellationToken)
        {
            ActivitySource.AddActivityListener(_listener);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>The "Sharekeep:Metrics" section.</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Sharekeep:Metrics";

    /// <summary>Serve GET /metrics in Prometheus's text format (behind the API secret or a read key). Off by default.</summary>
    public bool Prometheus { get; set; }
}
