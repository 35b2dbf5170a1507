using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage.Postgres;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>Two server processes over one PostgreSQL database, both delivering from one outbox: each message is sent once.</summary>
[Trait("Database", "postgres")]
public sealed class WebhookScaleOutTests
{
    private const int Links = 50;

    private static readonly TimeSpan WarmUpBound = (PostgresChangeListener.Lease * 3) + TimeSpan.FromSeconds(10);

    private static Guid ResourceOf(ReceivedRequest request) => request.Json.GetProperty("data").GetProperty("resourceId").GetGuid();

    private static string MessageOf(JsonElement attempt) => attempt.GetProperty("messageId").GetString()!;

    [PostgresFact]
    public async Task EventsFromBothInstances_AreEachDeliveredOnce_ByOneOfThem()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Small batches, polled often: both deliverers claim from the outbox the whole time.
        await using var instances = await TwoInstances.StartAsync(new Dictionary<string, string?>
        {
            ["Sharekeep__Webhooks__AllowPrivateAddresses"] = "true",
            ["Sharekeep__Webhooks__PollIntervalMilliseconds"] = "20",
            ["Sharekeep__Webhooks__BatchSize"] = "3",
        });
        using var adminA = TwoInstances.Admin(instances.First);
        using var adminB = TwoInstances.Admin(instances.Second);
        var hook = await Webhooks.RegisterAsync(adminA, receiver.Url(), "link.created");
        // The second instance learns of the endpoint by a change notice: until it has, its links are not announced.
        var warmUps = 0;
        Assert.True(await Eventually.HoldsAsync(
            async () =>
            {
                await adminB.ShareReportAsync(await adminB.CreateReportAsync($"warm-up {warmUps++}"));
                return await Eventually.HoldsAsync(async () => (await receiver.ReceivedAsync()).Count > 0, TimeSpan.FromSeconds(2));
            },
            // Not the propagation bound under test (ScaleOutTests hold that): a warm-up, which on a busy machine
            // with both instances polling every 20 ms takes longer than the bound alone.
            WarmUpBound),
            "The second instance never announced a link to the endpoint registered on the first.");

        var reports = new List<Guid>();
        for (var i = 0; i < Links; i++)
        {
            var admin = i % 2 == 0 ? adminA : adminB;
            reports.Add(await admin.CreateReportAsync($"report {i}"));
            await admin.ShareReportAsync(reports[^1]);
        }

        var arrived = await receiver.WaitForAsync(r => reports.All(id => r.Any(e => ResourceOf(e) == id)));
        // Once every message that arrived is recorded as delivered, no send of it is still under way.
        var attempts = await Webhooks.WaitForDeliveriesAsync(adminB, hook.Id, a =>
            arrived.Select(r => r.Id).Distinct().All(id => a.Any(d => MessageOf(d) == id && d.GetProperty("succeeded").GetBoolean())));
        var received = await receiver.ReceivedAsync();
        // A retry after a failed attempt (a send that timed out on a busy machine) is at-least-once delivery at work;
        // two deliverers sending one message would show as two successful attempts, or more arrivals than attempts.
        var succeeded = attempts.Where(a => a.GetProperty("succeeded").GetBoolean()).ToList();
        Assert.Empty(succeeded.GroupBy(MessageOf).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(received.Select(r => r.Id).Distinct().Order(), succeeded.Select(MessageOf).Order());
        Assert.All(received.GroupBy(r => r.Id), arrivals => Assert.True(
            arrivals.Count() <= attempts.Count(a => MessageOf(a) == arrivals.Key),
            $"{arrivals.Key} arrived {arrivals.Count()} times: " + string.Join(" | ", attempts.Where(a => MessageOf(a) == arrivals.Key).Select(a => a.GetRawText()))));
    }
}
