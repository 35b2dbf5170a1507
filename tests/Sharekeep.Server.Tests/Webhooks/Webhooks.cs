using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>A registered webhook as its creating answer gave it.</summary>
public sealed record RegisteredHook(Guid Id, string Secret);

/// <summary>Registering webhooks, reading their deliveries, and checking a signature the way a receiver would.</summary>
public static class Webhooks
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Settings that let the tests' 127.0.0.1 receiver be reached, and retry soon.</summary>
    public static Dictionary<string, string?> FastSettings(string retryDelays = "0.05,0.05,0.05,0.05,0.05") => new()
    {
        ["Sharekeep:Webhooks:AllowPrivateAddresses"] = "true",
        ["Sharekeep:Webhooks:PollIntervalMilliseconds"] = "20",
        ["Sharekeep:Webhooks:RetryDelaysSeconds"] = retryDelays,
    };

    public static async Task<RegisteredHook> RegisterAsync(SharekeepClient admin, string url, params string[] events)
    {
        var created = await admin.PostAsync("/api/v1/webhooks", new { url, events });
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return new RegisteredHook(created.Body.GetProperty("id").GetGuid(), created.Body.GetProperty("secret").GetString()!);
    }

    public static async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(SharekeepClient admin, Guid id)
    {
        var answer = await admin.GetAsync($"/api/v1/webhooks/{id}/deliveries?limit=200");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Text);
        return [.. answer.Body.GetProperty("deliveries").EnumerateArray()];
    }

    /// <summary>The recorded attempts (newest first) once <paramref name="done"/> holds; throws after the deadline.</summary>
    public static async Task<IReadOnlyList<JsonElement>> WaitForDeliveriesAsync(SharekeepClient admin, Guid id, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var attempts = await DeliveriesAsync(admin, id);
            if (done(attempts))
            {
                return attempts;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The deliveries never met the condition: " + string.Join(" | ", attempts.Select(a => a.GetRawText())));
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// What the Standard Webhooks signature of a request must be, computed here from the spec rather than with the
    /// server's code: HMAC-SHA256 keyed with the base64-decoded secret after "whsec_", over "id.timestamp.body".
    /// </summary>
    public static string ExpectedSignature(string secret, ReceivedRequest request)
    {
        var key = Convert.FromBase64String(secret.Split('_', 2)[1]);
        var signed = $"{request.Headers["webhook-id"]}.{request.Headers["webhook-timestamp"]}.{request.Body}";
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
    }
}
