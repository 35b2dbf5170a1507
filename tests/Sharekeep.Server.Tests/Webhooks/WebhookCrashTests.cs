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

            var request = Assert.Single(await receiver.WaitForAsync(r => r.Count > 0));
            Assert.Equal("sharing.switched", request.Json.GetProperty("type").GetString());
            Assert.Equal(Webhooks.ExpectedSignature(hook.Secret, request), request.Headers["webhook-signature"]);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
