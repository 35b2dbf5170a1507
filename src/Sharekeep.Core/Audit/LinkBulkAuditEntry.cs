using System.Text.Json;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Inventory;

namespace Sharekeep.Core.Audit;

/// <summary>A bulk action's one audit entry ("links.bulk"): who ran it, the filter as given, the action and the count.</summary>
public sealed class LinkBulkAuditEntry(AuditLog audit) : ILinkBulkAudit
{
    public Task RecordAsync(Actor actor, LinkFilterInput filter, BulkResult result, bool completed, CancellationToken cancellationToken) =>
        audit.RecordLinksBulkAsync(
            actor, JsonSerializer.SerializeToElement(filter, JsonSerializerOptions.Web), result.Action.Name, result.Count, completed, cancellationToken);
}
