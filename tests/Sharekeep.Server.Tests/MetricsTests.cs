using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>GET /metrics: off unless configured, never open, and never a credential or a name in a label.</summary>
public sealed class MetricsTests
{
    private static SharekeepApplication App(bool prometheus = true) => new(
        settings: new Dictionary<string, string?> { ["Sharekeep:Metrics:Prometheus"] = prometheus ? "true" : "false" });

    private static async Task<string> ScrapeAsync(SharekeepClient client)
    {
        var answer = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Text;
    }

    [Fact]
    public async Task Metrics_AreNotServed_UnlessConfigured()
    {
        await using var app = App(prometheus: false);
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/metrics")).Status);
    }

    [Fact]
    public async Task Metrics_WithoutACredential_Are401()
    {
        await using var app = App();
        using var visitor = app.Visitor();

        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/metrics")).Status);
    }

    [Fact]
    public async Task Metrics_WithAKeyWithoutTheReadScope_Are403()
    {
        await using var app = App();
        using var admin = app.Admin();
        var key = await ApiKeys.CreateAsync(admin, "share");
        using var sharer = app.WithKey(key.Key);

        Assert.Equal(HttpStatusCode.Forbidden, (await sharer.GetAsync("/metrics")).Status);
    }

    private static async Task<SharekeepClient> KeyedAsync(SharekeepApplication app, string scope)
    {
        using var admin = app.Admin();
        return app.WithKey((await ApiKeys.CreateAsync(admin, scope)).Key);
    }

    [Fact]
    public async Task Metrics_WithAMetricsKey_AreServed()
    {
        await using var app = App();
        using var scraper = await KeyedAsync(app, "metrics");

        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).Status);
    }

    [Fact]
    public async Task MetricsKey_CannotReadTheAdminApi()
    {
        await using var app = App();
        using var scraper = await KeyedAsync(app, "metrics");

        Assert.Equal(HttpStatusCode.Forbidden, (await scraper.GetAsync("/api/v1/links")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await scraper.GetAsync("/api/v1/audit")).Status);
    }

    [Fact]
    public async Task Metrics_WithAReadKey_AreServedInPrometheusTextFormat()
    {
        await using var app = App();
        using var admin = app.Admin();
        var key = await ApiKeys.CreateAsync(admin, "read");
        using var reader = app.WithKey(key.Key);

        using var response = await reader.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Resolves_AreCountedByLinkKindAndOutcome()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        using var recorded = new RecordedMeasurements(app);
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate");
        await visitor.GetAsync($"/api/external/share/report/{new string('a', share.Length)}/evaluate");
        await visitor.GetAsync($"/s/{await admin.ShareFileAsync()}");

        Assert.Equal(1, recorded.Sum("sharekeep.resolves", "link.kind=report,outcome=ok"));
        Assert.Equal(1, recorded.Sum("sharekeep.resolves", "link.kind=report,outcome=unknown"));
        Assert.Equal(1, recorded.Sum("sharekeep.resolves", "link.kind=file,outcome=ok"));
    }

    [Fact]
    public async Task Resolves_AreScrapedUnderTheirPrometheusName()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate");

        Assert.Contains("sharekeep_resolves_total{otel_scope_name=\"Sharekeep\",link_kind=\"report\",outcome=\"ok\"}", await ScrapeAsync(admin), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoShareKeyPasswordOrFileName_EverBecomesALabel()
    {
        const string FileName = "board-minutes-q3-confidential.txt";
        const string Password = "Correct-Horse-Battery-9";
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());
        var open = await admin.ShareFileAsync(name: FileName);
        var locked = await admin.ShareFileAsync(new { title = "locked", password = Password }, name: FileName);

        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate");
        await visitor.GetAsync($"/s/{share}");
        await visitor.GetAsync($"/s/{open}");
        await visitor.GetAsync($"/s/{open}/content");
        await visitor.GetAsync($"/api/2.0/files/share/{open}");
        await visitor.PostAsync($"/api/2.0/files/share/{locked}/password", new { password = "Wrong-Horse-0" });
        await visitor.PostAsync($"/api/2.0/files/share/{locked}/password", new { password = Password });

        var scraped = await ScrapeAsync(admin);
        Assert.Contains("sharekeep_files_served_bytes_total", scraped, StringComparison.Ordinal);
        Assert.Contains("outcome=\"wrong_password\"", scraped, StringComparison.Ordinal);
        foreach (var secret in new[] { share, open, locked, Password, FileName, "board-minutes", SharekeepApplication.Secret })
        {
            Assert.DoesNotContain(secret, scraped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PasswordTries_AreCountedByOutcome()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        using var recorded = new RecordedMeasurements(app);
        var locked = await admin.ShareFileAsync(new { title = "locked", password = "Correct-Horse-1" });

        await visitor.PostAsync($"/api/2.0/files/share/{locked}/password", new { password = "Wrong-Horse-0" });
        await visitor.PostAsync($"/api/2.0/files/share/{locked}/password", new { password = "Correct-Horse-1" });

        Assert.Equal(1, recorded.Sum("sharekeep.password.checks", "outcome=wrong"));
        Assert.Equal(1, recorded.Sum("sharekeep.password.checks", "outcome=right"));
    }

    [Fact]
    public async Task TheScrape_IncludesTheFrameworksRequestMetrics_ByRouteTemplateNotPath()
    {
        await using var app = App();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());

        await visitor.GetAsync($"/api/external/share/report/{share}/evaluate");

        var scraped = await ScrapeAsync(admin);
        Assert.Contains("http_route=\"/api/external/share/report/{shareId}/evaluate\"", scraped, StringComparison.Ordinal);
        Assert.DoesNotContain(share, scraped, StringComparison.Ordinal);
    }

    [PostgresFact]
    [Trait("Database", "postgres")]
    public async Task TheChangeFeedsNoticeLag_IsMeasuredByItsProbe_AndItsStateIsShown()
    {
        await using var app = App();
        using var admin = app.Admin();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        string scraped;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            scraped = await ScrapeAsync(admin);
        }
        while (!scraped.Contains("sharekeep_change_feed_notice_lag_seconds_count", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("sharekeep_change_feed_notice_lag_seconds_count", scraped, StringComparison.Ordinal);
        Assert.Contains("sharekeep_change_feed_trusted{otel_scope_name=\"Sharekeep\"} 1", scraped, StringComparison.Ordinal);
    }
}
