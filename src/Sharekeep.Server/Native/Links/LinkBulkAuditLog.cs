using System.Text.Json;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Inventory;

namespace Sharekeep.Server.Native.Links;

/// <summary>
/// Where a bulk action's audit entry goes today: one log line with who, the filter as given, the action and the
/// count. The audit log (GET /api/v1/audit) has no entry kind for it yet; when it gains one ("links.bulk"), this
/// class is the one to replace.
/// </summary>
internal sealed partial class LinkBulkAuditLog(ILogger<LinkBulkAuditLog> logger) : ILinkBulkAudit
{
    public Task RecordAsync(Actor actor, LinkFilterInput filter, BulkResult result, CancellationToken cancellationToken)
    {
        // One line per bulk action, not per request: the wrapper costs nothing worth a guard.
#pragma warning disable CA1873
        LogBulkAction(logger, result.Action, actor, result.Count, new FilterText(filter));
#pragma warning restore CA1873
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk action {Action} by {Actor} changed {Count} links; filter {Filter}.")]
    private static partial void LogBulkAction(ILogger logger, BulkAction action, Actor actor, long count, FilterText filter);

    /// <summary>Written as JSON only when the line is.</summary>
    private sealed record FilterText(LinkFilterInput Filter)
    {
        public override string ToString() => JsonSerializer.Serialize(Filter, JsonSerializerOptions.Web);
    }
}
