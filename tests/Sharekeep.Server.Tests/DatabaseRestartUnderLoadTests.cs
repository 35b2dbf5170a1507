using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// PostgreSQL restarts while visitors look up shares (about 50 a second) and an administrator writes (about 5 a
/// second: revokes and new reports). Counts, it does not time: every request that started once the database was
/// back must succeed, none may ever answer 500, and no share whose revoke had been answered may resolve again.
/// </summary>
[Trait("Database", "postgres")]
public sealed class DatabaseRestartUnderLoadTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private const int WriteEveryTicks = 10;
    private const int TicksBeforeRestart = 100;
    private const int TicksAfterBack = 150;
    private const int MaxTicks = 3000;

    [PostgresFact]
    public async Task RestartUnderLoad_FailsNoRequestStartedAfterTheDatabaseIsBack_AndNoRevokedShareResolves()
    {
        await using var database = await PrivatePostgres.StartAsync();
        await using var app = new SharekeepApplication(settings: database.Settings);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var keys = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            keys.Add(await admin.ShareReportAsync(await admin.CreateReportAsync($"Report {i}")));
        }
        var run = new LoadRun(admin, visitor, keys);

        await run.RunAsync(async () =>
        {
            await database.StopAsync();
            await database.StartAgainAsync();
        });

        var report = run.Judge();
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.Empty(report.ServerErrors);
        Assert.Empty(report.FailedAfterBack);
        Assert.Empty(report.RevokedResolved);
        Assert.True(report.AfterBack > 0, "Requests ran after the database was back.");
    }

    private sealed record Request(string Kind, string Key, long Started, long Ended, HttpStatusCode Status);

    private sealed record Judgement(
        int Lookups, int Writes, int AfterBack, int Unavailable, int BridgedByRetries,
        IReadOnlyList<Request> ServerErrors, IReadOnlyList<Request> FailedAfterBack, IReadOnlyList<Request> RevokedResolved,
        TimeSpan Outage)
    {
        public override string ToString() =>
            $"{Lookups} lookups, {Writes} writes; database away for {Outage.TotalMilliseconds:F0} ms; "
            + $"{Unavailable} answered 503 while it was away, {BridgedByRetries} started while it was away and succeeded; "
            + $"{AfterBack} started after it was back, {FailedAfterBack.Count} of them failed; "
            + $"{ServerErrors.Count} answered 500; {RevokedResolved.Count} revoked shares resolved.";
    }

    private sealed class LoadRun(SharekeepClient admin, SharekeepClient visitor, IReadOnlyList<string> keys)
    {
        private readonly ConcurrentBag<Request> _requests = [];
        private readonly ConcurrentDictionary<string, long> _revokeAnswered = new();
        private readonly ConcurrentDictionary<string, bool> _revokeSent = new();
        private readonly List<Task> _inFlight = [];
        private int _nextRevoke;
        private long _down = long.MaxValue;
        private long _back = long.MaxValue;

        public async Task RunAsync(Func<Task> restart)
        {
            using var timer = new PeriodicTimer(Tick);
            Task? restarting = null;
            var ticksAfterBack = 0;
            for (var tick = 0; tick < MaxTicks && ticksAfterBack < TicksAfterBack; tick++)
            {
                await timer.WaitForNextTickAsync(TestContext.Current.CancellationToken);
                _inFlight.Add(LookupAsync(keys[Random.Shared.Next(keys.Count)]));
                if (tick % WriteEveryTicks == 0)
                {
                    _inFlight.Add(tick / WriteEveryTicks % 2 == 0 ? RevokeAsync() : CreateAsync());
                }
                if (tick == TicksBeforeRestart)
                {
                    restarting = RestartAsync(restart);
                }
                if (Interlocked.Read(ref _back) != long.MaxValue)
                {
                    ticksAfterBack++;
                }
            }
            await Task.WhenAll(_inFlight);
            await (restarting ?? Task.CompletedTask);
        }

        private async Task RestartAsync(Func<Task> restart)
        {
            Interlocked.Exchange(ref _down, Stopwatch.GetTimestamp());
            await restart();
            Interlocked.Exchange(ref _back, Stopwatch.GetTimestamp());
        }

        private Task LookupAsync(string key) =>
            SendAsync("lookup", key, () => visitor.GetAsync($"/api/external/share/report/{key}/evaluate"));

        private Task RevokeAsync()
        {
            var index = Interlocked.Increment(ref _nextRevoke) - 1;
            if (index >= keys.Count)
            {
                return CreateAsync();
            }
            var key = keys[index];
            _revokeSent[key] = true;
            return SendAsync("revoke", key, () => admin.DeleteAsync($"/api/share/report/{key}"), answered =>
            {
                if (answered == HttpStatusCode.NoContent)
                {
                    _revokeAnswered[key] = Stopwatch.GetTimestamp();
                }
            });
        }

        private Task CreateAsync() =>
            SendAsync("create", "", () => admin.PostAsync("/api/v1/reports", new { name = "Written under load", data = new { rows = new[] { 1 } } }));

        private async Task SendAsync(string kind, string key, Func<Task<Answer>> send, Action<HttpStatusCode>? answered = null)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await send();
            answered?.Invoke(answer.Status);
            _requests.Add(new Request(kind, key, started, Stopwatch.GetTimestamp(), answer.Status));
        }

        public Judgement Judge()
        {
            var requests = _requests.OrderBy(r => r.Started).ToList();
            var afterBack = requests.Where(r => r.Started >= _back).ToList();
            var during = requests.Where(r => r.Started >= _down && r.Started < _back).ToList();
            return new Judgement(
                requests.Count(r => r.Kind == "lookup"),
                requests.Count(r => r.Kind != "lookup"),
                afterBack.Count,
                requests.Count(r => r.Status == HttpStatusCode.ServiceUnavailable),
                during.Count(Succeeded),
                requests.Where(r => r.Status == HttpStatusCode.InternalServerError).ToList(),
                afterBack.Where(r => !Succeeded(r)).ToList(),
                requests.Where(r => r.Kind == "lookup" && r.Status == HttpStatusCode.OK
                    && _revokeAnswered.TryGetValue(r.Key, out var revoked) && revoked < r.Started).ToList(),
                Stopwatch.GetElapsedTime(_down, _back));
        }

        /// <summary>The answer the request should get: a lookup finds its share unless a revoke of it was sent.</summary>
        private bool Succeeded(Request request) => request.Kind switch
        {
            "lookup" => request.Status == HttpStatusCode.OK
                || (request.Status == HttpStatusCode.NotFound && _revokeSent.ContainsKey(request.Key)),
            "revoke" => request.Status == HttpStatusCode.NoContent,
            _ => request.Status == HttpStatusCode.Created,
        };
    }
}
