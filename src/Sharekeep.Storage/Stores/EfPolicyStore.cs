using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Webhooks;
using Sharekeep.Storage.Entities;
using Sharekeep.Storage.Webhooks;

namespace Sharekeep.Storage.Stores;

internal sealed class EfPolicyStore(SharekeepDbContext db, IWriteLocks locks, WebhookOutboxWriter outbox) : IPolicyStore
{
    public async Task<IReadOnlyList<StoredSetting>> GetAllAsync(CancellationToken cancellationToken)
    {
        var rows = await db.PolicySettings.AsNoTracking().ToListAsync(cancellationToken);
        return rows
            .Select(r => Enum.TryParse<PolicySetting>(r.Name, out var setting) ? new StoredSetting(setting, r.Value, r.Modified) : null)
            .OfType<StoredSetting>()
            .ToList();
    }

    public async Task<PolicyTransition> UpdateAsync(
        PolicySetting setting, Func<StoredSetting?, PolicyTransition> decide, string actor, CancellationToken cancellationToken)
    {
        var name = setting.ToString();
        PolicyTransition? decided = null;
        return await db.WriteAsync(
            async ct => decided = await WriteAsync(setting, name, decide, actor, ct),
            ct => decided?.Write is { } write
                ? db.PolicySettings.AnyAsync(s => s.Name == name && s.Value == write.Value && s.Modified == write.Modified, ct)
                : Task.FromResult(true),
            cancellationToken);
    }

    private async Task<PolicyTransition> WriteAsync(
        PolicySetting setting, string name, Func<StoredSetting?, PolicyTransition> decide, string actor, CancellationToken cancellationToken)
    {
        await locks.AcquireAsync(db, "policy:" + name, cancellationToken);
        var row = await db.PolicySettings.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        var transition = decide(row is null ? null : new StoredSetting(setting, row.Value, row.Modified));
        if (transition.Write is { } write)
        {
            if (row is null)
            {
                db.PolicySettings.Add(new PolicySettingRow { Name = name, Value = write.Value, Modified = write.Modified });
            }
            else
            {
                row.Value = write.Value;
                row.Modified = write.Modified;
            }
        }
        if (transition.Change is { } change)
        {
            db.PolicyAudit.Add(new PolicyAuditRow
            {
                At = change.At,
                Setting = change.Setting.ToString(),
                Action = AuditActions.Switched(change.Setting),
                OldValue = change.OldValue,
                NewValue = change.NewValue,
                Actor = actor,
            });
            await outbox.AddAsync(
                db,
                new WebhookEvent(WebhookEvents.SharingSwitched, change.At, new { setting = AuditActions.SettingName(change.Setting), change.OldValue, change.NewValue }),
                cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return transition;
    }
}
