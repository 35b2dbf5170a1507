using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>The built server killed with SIGKILL after a change and before its delivery: the outbox keeps the message.</summary>
public sealed class WebhookCrashTests
{
    private const string Secret = "webhook-crash-secret-0123456789";

    [Fact]
    public async Task KilledBetweenTheChangeAndItsDelivery_DeliversAfterRestart()
    {
        var directory = TempDirectory.Create();
        var port = ServerProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["Sharekeep__ApiSecret"] = Secret,
            ["Sharekeep__DataDirectory"] = directory,
            ["Sharekeep__Webhooks__AllowPrivateAddresses"] = "true",
            ["Sharekeep__Webhooks__PollIntervalMilliseconds"] = "20",
            // Long enough that the message is still waiting when the receiver comes up after the restart.
            ["Sharekeep__Webhooks__RetryDelaysSeconds"] = string.Join(',', Enumerable.Repeat("0.2", 50)),
            // The killed server may have held the message's lease: one message a batch and a short timeout keep
            // that lease (which the restarted server waits out) well within the receiver's deadline.
            ["Sharekeep__Webhooks__BatchSize"] = "1",
            ["Sharekeep__Webhooks__TimeoutSeconds"] = "1",
            ["Sharekeep__Webhooks__ConnectTimeoutSeconds"] = "1",
        };
        try
        {
            RegisteredHook hook;
            await using (var server = await ServerProcess.StartAsync(directory, environment))
            {
                using var admin = new SharekeepClient(server.CreateClient(), Secret);
                // No receiver listens yet: the change is acknowledged, its delivery cannot have happened.
                hook = await Webhooks.RegisterAsync(admin, $"http://127.0.0.1:{port}/hook", "sharing.switched");
                await admin.DisableSharingAsync();
                await server.KillAsync();
            }
            await using var receiver = await WebhookReceiver.StartAsync(port: port);
            await using var restarted = await ServerProcess.StartAsync(directory, environment);

            var received = await receiver.WaitForAsync(r => r.Count > 0);
            // At least once: a delivery the killed server made just before dying may come again, under the same id.
            Assert.Single(received.Select(r => r.Headers["webhook-id"]).Distinct());
            var request = received[0];
            Assert.Equal("sharing.switched", request.Json.GetProperty("type").GetString());
            Assert.Equal(Webhooks.ExpectedSignature(hook.Secret, request), request.Headers["webhook-signature"]);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
