using System.Diagnostics;
using OpenTelemetry.Trace;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Traces, when an OTLP endpoint is configured: each request a span named by its route, never by its path.</summary>
public sealed class TracingTests
{
    private static SharekeepApplication App(ExportedSpanCollection spans) => new(
        settings: new Dictionary<string, string?>
        {
            // Nothing listens there: the spans that matter are the in-memory exporter's below.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
        },
        services: services => services.ConfigureOpenTelemetryTracerProvider(traces => traces.AddInMemoryExporter(spans)));

    private static async Task<Activity> SpanOfRouteAsync(ExportedSpanCollection spans, string route)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (spans.Snapshot().FirstOrDefault(s => Equals(s.GetTagItem("http.route"), route)) is { } span)
            {
                return span;
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No span for {route} was exported.");
    }

    [Fact]
    public async Task AVisitorsRequest_IsASpanNamedByItsRouteTemplate()
    {
        var spans = new ExportedSpanCollection();
        await using var app = App(spans);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate");

        var span = await SpanOfRouteAsync(spans, "/api/external/share/report/{shareId}/evaluate");
        Assert.Equal("GET /api/external/share/report/{shareId}/evaluate", span.DisplayName);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task NoShareKeyPasswordOrFileName_EverBecomesASpanAttribute()
    {
        const string FileName = "board-minutes-q3-confidential.txt";
        const string Password = "Correct-Horse-Battery-9";
        var spans = new ExportedSpanCollection();
        await using var app = App(spans);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());
        var open = await admin.ShareFileAsync(name: FileName);
        var locked = await admin.ShareFileAsync(new { title = "locked", password = Password }, name: FileName);

        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate?token={share}");
        await visitor.GetAsync($"/s/{open}/content");
        await visitor.GetAsync($"/api/2.0/files/share/{open}");
        await visitor.PostAsync($"/api/2.0/files/share/{locked}/password", new { password = Password });
        await SpanOfRouteAsync(spans, "/api/2.0/files/share/{key}/password");

        List<string> written = [.. spans.Snapshot().SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName))];
        Assert.NotEmpty(written);
        foreach (var secret in new[] { share, open, locked, Password, FileName, SharekeepApplication.Secret })
        {
            Assert.DoesNotContain(written, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }
}
