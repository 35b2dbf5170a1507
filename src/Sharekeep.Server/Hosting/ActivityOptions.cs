using System.ComponentModel.DataAnnotations;
using Sharekeep.Core.Activity;

namespace Sharekeep.Server.Hosting;

/// <summary>Sharekeep:Activity: per-link activity counting (decision 0029). See <see cref="ActivityLimits"/> for the bounds.</summary>
internal sealed class ActivityOptions
{
    public const string Section = "Sharekeep:Activity";

    public bool Enabled { get; set; } = true;

    [Range(1, 3650, ErrorMessage = "Sharekeep:Activity:RetentionDays must be between 1 and 3650.")]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often counts are written; a crash loses what was counted since the last write.</summary>
    [Range(1, 3600, ErrorMessage = "Sharekeep:Activity:FlushSeconds must be between 1 and 3600.")]
    public int FlushSeconds { get; set; } = 5;

    [Range(1, 1_000_000, ErrorMessage = "Sharekeep:Activity:MaxPendingLinkDays must be between 1 and 1000000.")]
    public int MaxPendingLinkDays { get; set; } = 20_000;

    [Range(0, 10_000_000, ErrorMessage = "Sharekeep:Activity:MaxPendingVisitors must be between 0 and 10000000.")]
    public int MaxPendingVisitors { get; set; } = 100_000;

    [Range(0, 1_000_000, ErrorMessage = "Sharekeep:Activity:MaxVisitorsPerLinkDay must be between 0 and 1000000.")]
    public int MaxVisitorsPerLinkDay { get; set; } = 1_000;

    public ActivityLimits ToLimits() => new()
    {
        RetentionDays = RetentionDays,
        MaxPendingLinkDays = MaxPendingLinkDays,
        MaxPendingVisitors = MaxPendingVisitors,
        MaxVisitorsPerLinkDay = MaxVisitorsPerLinkDay,
    };
}
