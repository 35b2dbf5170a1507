using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// While PostgreSQL is down, every surface answers 503 with Retry-After in its own envelope: the client is told to
/// come back, never that the server broke (500).
/// </summary>
[Trait("Database", "postgres")]
public sealed class DatabaseDownTests(DatabaseDownTests.StoppedDatabase stopped) : IClassFixture<DatabaseDownTests.StoppedDatabase>
{
    [PostgresFact]
    public async Task NativeApi_AnswersProblemDetails503WithRetryAfter()
    {
        var down = await stopped.ReadyAsync();
        using var admin = down.App.Admin();

        var answer = await admin.GetAsync("/api/v1/reports");

        AssertUnavailable(answer);
        Assert.Equal("application/problem+json", answer.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(503, answer.Body.GetProperty("status").GetInt32());
    }

    [PostgresFact]
    public async Task ReportingToolApi_Answers503InItsEnvelopeWithRetryAfter()
    {
        var down = await stopped.ReadyAsync();
        using var visitor = down.App.Visitor();

        var answer = await visitor.GetAsync($"/api/external/share/report/{down.ShareKey}/evaluate");

        AssertUnavailable(answer);
        Assert.NotNull(answer.ErrorCode);
        Assert.True(answer.Body.TryGetProperty("errorMessage", out _));
    }

    [PostgresFact]
    public async Task DocumentPlatformApi_Answers503InItsEnvelopeWithRetryAfter()
    {
        var down = await stopped.ReadyAsync();
        using var visitor = down.App.Visitor();

        var answer = await visitor.GetAsync($"/api/2.0/files/share/{down.LinkKey}");

        AssertUnavailable(answer);
        Assert.Equal(1, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(503, answer.Body.GetProperty("statusCode").GetInt32());
        Assert.NotNull(answer.PlatformError);
    }

    [PostgresFact]
    public async Task SharedReportPage_AnswersAPageSaying503WithRetryAfter()
    {
        var down = await stopped.ReadyAsync();
        using var visitor = down.App.Visitor();

        var answer = await visitor.GetAsync($"/share/report/{down.ShareKey}");

        AssertUnavailable(answer);
        Assert.Equal("text/html", answer.ContentHeaders.ContentType?.MediaType);
        Assert.Contains("try again in a few seconds", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", string.Join(",", answer.Headers.GetValues("Referrer-Policy")));
    }

    [PostgresFact]
    public async Task FileLinkPage_AnswersAPageSaying503WithRetryAfter()
    {
        var down = await stopped.ReadyAsync();
        using var visitor = down.App.Visitor();

        var answer = await visitor.GetAsync($"/s/{down.LinkKey}");

        AssertUnavailable(answer);
        Assert.Equal("text/html", answer.ContentHeaders.ContentType?.MediaType);
        Assert.DoesNotContain(down.LinkKey, answer.Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task HealthCheck_AnswersUnhealthy503()
    {
        var down = await stopped.ReadyAsync();
        using var visitor = down.App.Visitor();

        var answer = await visitor.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("Unhealthy", answer.Text);
    }

    private static void AssertUnavailable(Answer answer)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a wait in seconds.");
    }

    /// <summary>An application whose database, a cluster of its own, has records in it and is then stopped.</summary>
    public sealed class StoppedDatabase : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Down? _down;

        public async Task<Down> ReadyAsync()
        {
            await _gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return _down ??= await StartThenStopAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        private static async Task<Down> StartThenStopAsync()
        {
            var database = await PrivatePostgres.StartAsync();
            var app = new SharekeepApplication(settings: database.Settings);
            using var admin = app.Admin();
            var shareKey = await admin.ShareReportAsync(await admin.CreateReportAsync());
            var linkKey = await admin.ShareFileAsync();
            await database.StopAsync();
            return new Down(database, app, shareKey, linkKey);
        }

        public async ValueTask DisposeAsync()
        {
            if (_down is { } down)
            {
                await down.App.DisposeAsync();
                await down.Database.DisposeAsync();
            }
            _gate.Dispose();
        }
    }

    public sealed record Down(PrivatePostgres Database, SharekeepApplication App, string ShareKey, string LinkKey);
}
