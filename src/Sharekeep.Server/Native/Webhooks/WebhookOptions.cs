using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Sharekeep.Server.Native.Webhooks;

/// <summary>Sharekeep:Webhooks: who may be a receiver, how long a delivery may take, how often it is tried again.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Sharekeep:Webhooks";

    /// <summary>Receivers on loopback, private, link-local, unique-local, CGNAT or multicast addresses; off, so no webhook reaches into the host's network.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Webhooks that may be registered: every change of a link is a request to each one subscribed.</summary>
    [Range(1, Core.Webhooks.WebhookService.MaxEndpointsLimit, ErrorMessage = "Sharekeep:Webhooks:MaxEndpoints must be between 1 and 1000.")]
    public int MaxEndpoints { get; set; } = Core.Webhooks.WebhookService.DefaultMaxEndpoints;

    [Range(1, 60, ErrorMessage = "Sharekeep:Webhooks:ConnectTimeoutSeconds must be between 1 and 60.")]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    [Range(1, 120, ErrorMessage = "Sharekeep:Webhooks:TimeoutSeconds must be between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Seconds to wait before each retry after a failed attempt, comma-separated; after the last, the message is
    /// given up. The default tries for about a day (5 s, 5 min, 30 min, 2 h, 5 h, 8 h, 8 h); each wait varies by ±20 %.
    /// </summary>
    public string RetryDelaysSeconds { get; set; } = "5,300,1800,7200,18000,28800,28800";

    [Range(10, 60000, ErrorMessage = "Sharekeep:Webhooks:PollIntervalMilliseconds must be between 10 and 60000.")]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    [Range(1, 200, ErrorMessage = "Sharekeep:Webhooks:BatchSize must be between 1 and 200.")]
    public int BatchSize { get; set; } = 20;

    [Range(1, 3650, ErrorMessage = "Sharekeep:Webhooks:MessageRetentionDays must be between 1 and 3650.")]
    public int MessageRetentionDays { get; set; } = 7;

    [Range(1, 3650, ErrorMessage = "Sharekeep:Webhooks:AttemptRetentionDays must be between 1 and 3650.")]
    public int AttemptRetentionDays { get; set; } = 30;

    [Range(1, 3600, ErrorMessage = "Sharekeep:Webhooks:ExpirySweepSeconds must be between 1 and 3600.")]
    public int ExpirySweepSeconds { get; set; } = 60;

    /// <summary>
    /// How long a claimed batch is this instance's: longer than sending all of it may take (its messages go out
    /// <see cref="ParallelSends"/> at a time, each within the timeout, then recorded), so no second instance sends
    /// one of them meanwhile.
    /// </summary>
    public TimeSpan Lease => TimeSpan.FromSeconds((((BatchSize + ParallelSends - 1) / ParallelSends) * (TimeoutSeconds + 5)) + 30);

    /// <summary>Messages one instance sends at once.</summary>
    public const int ParallelSends = 4;

    public TimeSpan[] RetryDelays() =>
        [.. RetryDelaysSeconds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => TimeSpan.FromSeconds(double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)))];

    public bool HasValidRetryDelays() =>
        RetryDelaysSeconds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 and <= 50 } parts
        && parts.All(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0.01 and <= 604800);
}
