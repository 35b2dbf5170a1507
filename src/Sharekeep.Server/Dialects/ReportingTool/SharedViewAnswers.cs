using System.Runtime.CompilerServices;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>
/// The evaluate answers' JSON, prepared once per cached record rather than per request. The bytes hang on the
/// record instances the storage cache hands out: any change to a record, on this instance or announced by another,
/// drops it from the cache, the next visitor gets a new instance, and with it new bytes (while the cache is
/// suspended every request reads a new instance, so nothing prepared outlives a change). Whether a share may be
/// opened at all (the sharing switch, revocation) is decided per request before these bytes are reached.
/// </summary>
internal static class SharedViewAnswers
{
    private static readonly ConditionalWeakTable<Report, PreparedJson> Evaluations = new();
    private static readonly ConditionalWeakTable<Dashboard, PreparedDashboard> Definitions = new();

    public static PreparedJsonResult<ReportEvaluation> Evaluation(Report report) =>
        new(Evaluations.GetValue(report, r => PreparedJson.Of(ReportingToolResults.ToEvaluation(r), VisitorJson.Default.ReportEvaluation)));

    /// <summary>
    /// A dashboard's tiles name its reports, which are records of their own: the bytes hold for the very report
    /// instances they were made from, and are made again when one of them was replaced or is gone.
    /// </summary>
    public static PreparedJsonResult<DashboardDefinition> Definition(SharedDashboard shared)
    {
        if (!Definitions.TryGetValue(shared.Dashboard, out var prepared) || !SameInstances(prepared.Reports, shared.Reports))
        {
            prepared = new PreparedDashboard(
                shared.Reports, PreparedJson.Of(ReportingToolResults.ToDefinition(shared), VisitorJson.Default.DashboardDefinition));
            Definitions.AddOrUpdate(shared.Dashboard, prepared);
        }
        return new(prepared.Json);
    }

    private static bool SameInstances(IReadOnlyList<Report> prepared, IReadOnlyList<Report> current)
    {
        if (prepared.Count != current.Count)
        {
            return false;
        }
        for (var i = 0; i < prepared.Count; i++)
        {
            if (!ReferenceEquals(prepared[i], current[i]))
            {
                return false;
            }
        }
        return true;
    }

    private sealed record PreparedDashboard(IReadOnlyList<Report> Reports, PreparedJson Json);
}
