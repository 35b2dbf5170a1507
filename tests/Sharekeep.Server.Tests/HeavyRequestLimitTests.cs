using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Audit;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Bulk actions, the inventory and the audit export run at most Sharekeep:HeavyRequestsAtOnce at once per instance.</summary>
public sealed class HeavyRequestLimitTests
{
    [Fact]
    public async Task HeavyRequest_BeyondTheLimit_Is429WithRetryAfterAndAProblem()
    {
        await using var running = await RunningExport.StartAsync();
        using var other = running.App.Admin();

        var refused = await other.GetAsync("/api/v1/links");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(429, refused.Body.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, await running.FinishAsync());
    }

    [Fact]
    public async Task HeavyRequest_OnceTheRunningOneEnds_IsServed()
    {
        await using var running = await RunningExport.StartAsync();
        using var other = running.App.Admin();
        await running.FinishAsync();

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/links")).Status);
    }

    [Fact]
    public async Task LightRequest_WhileTheHeavyLimitIsReached_IsServed()
    {
        await using var running = await RunningExport.StartAsync();
        using var other = running.App.Admin();

        var policy = await other.GetAsync("/api/v1/policy");

        await running.FinishAsync();
        Assert.Equal(HttpStatusCode.OK, policy.Status);
    }

    [Theory]
    [InlineData("ListLinks")]
    [InlineData("BulkLinks")]
    [InlineData("ExportAudit")]
    public async Task Endpoint_ThatCanReadManyRows_IsCountedAsHeavy(string name)
    {
        await using var app = new SharekeepApplication();
        _ = app.Server;
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name);

        Assert.Equal("heavy", endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
    }

    /// <summary>An instance allowing one heavy request at once, and an audit export holding it until finished.</summary>
    private sealed class RunningExport : IAsyncDisposable
    {
        private readonly HeldAuditStore _held;
        private readonly SharekeepClient _client;
        private readonly Task<HttpResponseMessage> _export;

        private RunningExport(SharekeepApplication app, HeldAuditStore held)
        {
            App = app;
            _held = held;
            _client = app.Admin();
            _export = _client.Http.GetAsync("/api/v1/audit/export?format=jsonl", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        }

        public SharekeepApplication App { get; }

        public static async Task<RunningExport> StartAsync()
        {
            var held = new HeldAuditStore();
            var app = new SharekeepApplication(
                settings: new Dictionary<string, string?> { ["Sharekeep:HeavyRequestsAtOnce"] = "1" },
                services: services => services.AddScoped<IAuditStore>(_ => held));
            var running = new RunningExport(app, held);
            await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            return running;
        }

        /// <summary>Lets the export end; its status.</summary>
        public async Task<HttpStatusCode> FinishAsync()
        {
            _held.Release.TrySetResult();
            using var response = await _export;
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            _held.Release.TrySetResult();
            try
            {
                (await _export).Dispose();
            }
            finally
            {
                _client.Dispose();
                await App.DisposeAsync();
            }
        }
    }

    /// <summary>An audit store whose export waits until the test lets it go; it holds nothing.</summary>
    private sealed class HeldAuditStore : IAuditStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task AddAsync(AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AuditEntry>>([]);

        public async IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            yield break;
        }
    }
}
