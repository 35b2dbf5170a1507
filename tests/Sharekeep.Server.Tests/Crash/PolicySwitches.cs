using System.Net.Http.Json;
using System.Text.Json;

namespace Sharekeep.Server.Tests.Crash;

/// <summary>
/// One writer that flips the sharing switch and the social media switch, one request at a time, so that after a
/// kill each switch must be at its last acknowledged value, or at the value of the one request left unanswered.
/// </summary>
internal sealed class PolicySwitches
{
    private readonly Switch _sharing = new("sharingEnabled");
    private readonly Switch _social = new("socialMediaSetting");

    public async Task SwitchAsync(Writers writers, HttpClient client, CancellationToken stop)
    {
        for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
        {
            var on = i % 4 < 2;
            if (i % 2 == 0)
            {
                _sharing.Pending = on;
                using var answer = await writers.SendAsync(client, HttpMethod.Post, on ? "/api/public/share/enable" : "/api/public/share/disable", null, stop);
                if (!_sharing.Answered(answer, on))
                {
                    return;
                }
            }
            else
            {
                _social.Pending = on;
                using var answer = await writers.SendAsync(client, HttpMethod.Put, "/api/2.0/files/settings/externalsocialmedia", JsonContent.Create(new { set = on }), stop);
                if (!_social.Answered(answer, on))
                {
                    return;
                }
            }
        }
    }

    /// <summary>What is wrong with the stored switches; then what they are becomes what is expected.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var policy = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/policy", UriKind.Relative), cancellationToken);
        return new[] { _sharing.Check(policy), _social.Check(policy) }.OfType<string>().ToList();
    }

    private sealed class Switch(string property)
    {
        private bool? _acknowledged;

        /// <summary>The value of a request sent and not (yet) answered.</summary>
        public bool? Pending { get; set; }

        /// <summary>False when no answer came: the server is gone, and the value stays pending.</summary>
        public bool Answered(HttpResponseMessage? answer, bool value)
        {
            if (answer is null)
            {
                return false;
            }
            // Answered at all: a 2xx set it, anything else did not (and a refusal changes nothing).
            _acknowledged = answer.IsSuccessStatusCode ? value : _acknowledged;
            Pending = null;
            return true;
        }

        public string? Check(JsonElement policy)
        {
            var stored = policy.GetProperty(property).GetBoolean();
            var problem = _acknowledged is { } expected && stored != expected && stored != Pending
                ? $"{property} is {stored} after the restart; the last acknowledged switch set {expected}" + (Pending is { } p ? $" (one setting {p} was unanswered)" : "")
                : null;
            _acknowledged = stored;
            Pending = null;
            return problem;
        }
    }
}
