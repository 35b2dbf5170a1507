using System.Text.Json;
using CsCheck;
using Sharekeep.Server.Tests.Fuzzing;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Random methods, paths, headers and bodies at every route the app serves (read from its own OpenAPI document and
/// endpoint list): no answer is a 5xx, and no refusal (4xx) changes what is stored. SHAREKEEP_SOAK=1 makes the run long.
/// </summary>
public sealed class RouteFuzzTests
{
    private static readonly int Requests = Soak.Choose(1500, 50_000);

    [Fact]
    public async Task EveryRoute_UnderRandomRequests_NeverAnswers5xxAndRefusalsChangeNothing()
    {
        await using var world = await FuzzWorld.StartAsync();
        using var visitor = world.App.Visitor();
        var description = JsonDocument.Parse((await visitor.GetAsync("/openapi/v1.json")).Text);
        var operations = RouteCatalog.Read(description, world.App.Services);
        var gens = new RequestGens(operations, new JsonValues(description.RootElement.GetProperty("components").GetProperty("schemas")), world.FormFields);
        var sent = new int[operations.Count];
        var statuses = operations.Select(_ => new SortedDictionary<int, int>()).ToArray();
        var unsendable = 0;
        var failures = 0;
        var before = await world.ReadStateAsync();

        await gens.Plan.SampleAsync(async plan =>
        {
            SentRequest? request;
            try
            {
                request = await world.SendAsync(plan, operations[plan.Operation]);
            }
            catch (InvalidOperationException)
            {
                // What the broken request did must not be blamed on the next one.
                before = await world.ReadStateAsync();
                throw;
            }
            if (request is null)
            {
                unsendable++;
                return;
            }
            sent[plan.Operation]++;
            statuses[plan.Operation][request.Status] = statuses[plan.Operation].GetValueOrDefault(request.Status) + 1;
            var after = await world.ReadStateAsync();
            var changed = after.ChangesSince(before);
            before = after;
            if (changed.Contains("console-session", StringComparison.Ordinal))
            {
                try
                {
                    await world.RenewSessionIfEndedAsync();
                }
                finally
                {
                    // Signing in again is stored state too, and not the next request's doing.
                    before = await world.ReadStateAsync();
                }
            }
            var problem = request.Status >= 500 ? $"A server error:\n{request}"
                : request.Status >= 400 && changed.Length > 0 ? $"A refusal that changed stored state:\n{request}\nchanged:\n{changed}"
                : null;
            if (problem is not null && ++failures <= 20)
            {
                // CsCheck reports the smallest failure; a long run's output keeps every kind it met.
                TestContext.Current.TestOutputHelper?.WriteLine(problem);
            }
            Assert.True(problem is null, problem);
        }, iter: Requests, threads: 1, print: plan => $"{operations[plan.Operation]} {plan}");

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', operations.Select((o, i) =>
            $"{o}: {string.Join(' ', statuses[i].Select(s => $"{s.Key}x{s.Value}"))}")));
        var missed = operations.Where((_, i) => sent[i] == 0).ToList();
        Assert.True(missed.Count == 0, $"Never sent: {string.Join(", ", missed)}");
        Assert.True(unsendable < Requests / 10, $"{unsendable} of {Requests} plans could not be sent as HTTP requests.");
        Assert.Contains(operations, o => !o.Documented && o.Template.StartsWith("/admin", StringComparison.Ordinal));
    }
}
