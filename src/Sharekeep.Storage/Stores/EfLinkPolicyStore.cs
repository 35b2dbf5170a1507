using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Policy;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfLinkPolicyStore(SharekeepDbContext db, IWriteLocks locks) : ILinkPolicyStore
{
    /// <summary>The audit's name for a link policy's change; no switch has it (<see cref="PolicySetting"/> is parsed by name).</summary>
    public const string AuditSetting = "LinkPolicy";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StoredLinkPolicy?> GetAsync(CancellationToken cancellationToken)
    {
        var row = await db.LinkPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == LinkPolicyRow.SingleId, cancellationToken);
        return row is null ? null : new StoredLinkPolicy(ToPolicy(row), row.Modified);
    }

    public async Task<LinkPolicyTransition> UpdateAsync(
        Func<StoredLinkPolicy?, LinkPolicyTransition> decide, string actor, CancellationToken cancellationToken)
    {
        LinkPolicyTransition? decided = null;
        return await db.WriteAsync(
            async ct => decided = await WriteAsync(decide, actor, ct),
            ct => decided?.Write is { } write
                ? db.LinkPolicies.AnyAsync(p => p.Id == LinkPolicyRow.SingleId && p.Modified == write.Modified, ct)
                : Task.FromResult(true),
            cancellationToken);
    }

    private async Task<LinkPolicyTransition> WriteAsync(
        Func<StoredLinkPolicy?, LinkPolicyTransition> decide, string actor, CancellationToken cancellationToken)
    {
        await locks.AcquireAsync(db, "policy:" + AuditSetting, cancellationToken);
        var row = await db.LinkPolicies.FirstOrDefaultAsync(p => p.Id == LinkPolicyRow.SingleId, cancellationToken);
        var transition = decide(row is null ? null : new StoredLinkPolicy(ToPolicy(row), row.Modified));
        if (transition.Write is { } write)
        {
            if (row is null)
            {
                row = new LinkPolicyRow { Id = LinkPolicyRow.SingleId };
                db.LinkPolicies.Add(row);
            }
            Fill(row, write);
        }
        if (transition.Change is { } change)
        {
            db.PolicyAudit.Add(new PolicyAuditRow
            {
                At = change.At,
                Setting = AuditSetting,
                Action = AuditActions.LinkPolicySet,
                Actor = actor,
                OldPolicy = JsonSerializer.Serialize(change.OldPolicy, Json),
                NewPolicy = JsonSerializer.Serialize(change.NewPolicy, Json),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return transition;
    }

    /// <summary>A link policy audit row's change; null for a row this version cannot read.</summary>
    public static LinkPolicyChange? ChangeOf(PolicyAuditRow row)
    {
        if (row.Setting != AuditSetting || row.OldPolicy is null || row.NewPolicy is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<LinkPolicy>(row.OldPolicy, Json) is { } old && JsonSerializer.Deserialize<LinkPolicy>(row.NewPolicy, Json) is { } @new
                ? new LinkPolicyChange(row.At, old, @new)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Fill(LinkPolicyRow row, StoredLinkPolicy stored)
    {
        var (files, shares) = (stored.Policy.FileLinks, stored.Policy.Shares);
        row.FileDefaultLifetimeDays = files.DefaultLifetimeDays;
        row.FileMaxLifetimeDays = files.MaxLifetimeDays;
        row.FileRequirePassword = files.RequirePassword;
        row.FileMinPasswordLength = files.MinPasswordLength;
        row.FileDenyDownloadByDefault = files.DenyDownloadByDefault;
        row.ShareDefaultLifetimeDays = shares.DefaultLifetimeDays;
        row.ShareMaxLifetimeDays = shares.MaxLifetimeDays;
        row.Modified = stored.Modified;
    }

    private static LinkPolicy ToPolicy(LinkPolicyRow row) => new(
        new FileLinkRules(
            row.FileDefaultLifetimeDays, row.FileMaxLifetimeDays, row.FileRequirePassword, row.FileMinPasswordLength, row.FileDenyDownloadByDefault),
        new ShareRules(row.ShareDefaultLifetimeDays, row.ShareMaxLifetimeDays));
}
