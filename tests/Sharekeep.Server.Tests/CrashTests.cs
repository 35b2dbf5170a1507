using System.Net.Http.Headers;
using Sharekeep.Server.Tests.Crash;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// The built server killed with SIGKILL while clients write to it, and started again over the same data: every write
/// it acknowledged is there. Runs on the suite's provider; SHAREKEEP_SOAK=1 makes many more cycles.
/// </summary>
public sealed class CrashTests
{
    private const string Secret = "crash-secret-0123456789abcdef";

    private static readonly int Cycles = Soak.Choose(3, 200);

    /// <summary>Bounds the wait for writes a healthy server acknowledges in moments; not a measure of speed.</summary>
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KilledMidWrite_EveryAcknowledgedWriteIsThereAfterRestart()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var directory = TempDirectory.Create();
        var environment = new Dictionary<string, string?> { ["Sharekeep__ApiSecret"] = Secret, ["Sharekeep__DataDirectory"] = directory };
        var ledger = new AcknowledgedWrites();
        var policy = new PolicySwitches();
        var killsMidWrite = 0;
        var ct = TestContext.Current.CancellationToken;
        try
        {
            for (var cycle = 0; cycle < Cycles; cycle++)
            {
                // Disposed however the cycle ends, so that a failed check leaves no server running.
                await using var server = await ServerProcess.StartAsync(directory, environment);
                using var checker = Client(server);
                await AssertHoldsAsync(ledger, policy, checker, all: false, $"after restart {cycle} (seed {seed})");
                var writers = new Writers(ledger, server.Address, Secret, seed + (cycle * 10));
                using var stop = new CancellationTokenSource();
                var acknowledged = ledger.AfterAsync(random.Next(3, 40));
                var writing = writers.Start(policy, stop.Token);

                await acknowledged.WaitAsync(Stalled, ct);
                killsMidWrite += ledger.InFlight > 0 ? 1 : 0;
                await server.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writing);

                Assert.True(writers.ServerErrors.Count == 0, string.Join('\n', writers.ServerErrors));
            }
            await using var last = await ServerProcess.StartAsync(directory, environment);
            using var client = Client(last);
            await AssertHoldsAsync(ledger, policy, client, all: true, $"at the end (seed {seed})");
            Assert.True(killsMidWrite > 0, "No kill came while a write was in flight.");
            TestContext.Current.TestOutputHelper?.WriteLine($"{Cycles} kills ({killsMidWrite} with writes in flight), {ledger.Count} acknowledged writes checked.");
        }
        finally
        {
            TempDirectory.Delete(directory);
        }

        async Task AssertHoldsAsync(AcknowledgedWrites writes, PolicySwitches switches, HttpClient http, bool all, string when)
        {
            var problems = (await writes.CheckAsync(http, all, ct)).Concat(await switches.CheckAsync(http, ct)).ToList();
            Assert.True(problems.Count == 0, $"Acknowledged writes lost {when}:\n{string.Join('\n', problems)}");
        }
    }

    private static HttpClient Client(ServerProcess server)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return client;
    }
}
