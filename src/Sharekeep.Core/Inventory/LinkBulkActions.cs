using Sharekeep.Core.Credentials;
using Sharekeep.Core.Keys;
using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;

namespace Sharekeep.Core.Inventory;

/// <summary>
/// One action over every link a filter matches: counted in a dry run, done for real in batches of
/// <see cref="BatchSize"/>, each its own transaction, so a hundred thousand links never hold one long write.
/// </summary>
public sealed class LinkBulkActions(
    LinkInventory inventory, ILinkInventoryStore store, LinkPolicyService linkPolicy, ILinkKeyGenerator keys, ILinkBulkAudit audit, TimeProvider time)
{
    public const int BatchSize = 500;
    public const int MaxListed = 100;

    public async Task<Outcome<BulkResult>> RunAsync(
        LinkFilterInput given, LinkFilter filter, BulkAction action, bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = (await linkPolicy.GetAsync(cancellationToken)).Policy;
        var errors = Validate(filter, action, now, policy);
        if (!errors.IsEmpty)
        {
            return Outcome<BulkResult>.Invalid(errors);
        }
        var targets = Targets(filter, action, now);
        if (dryRun)
        {
            return Outcome<BulkResult>.Ok(await CountAsync(targets, action, now, cancellationToken));
        }
        var progress = new BulkProgress();
        BulkResult result;
        try
        {
            // Once started, the run goes to its end whether or not its caller waits (a dropped connection, a proxy's
            // timeout): half a run would be links changed that no one asked to stop at.
            result = await ApplyAsync(targets, action, now, policy, progress, CancellationToken.None);
        }
        catch
        {
            // A batch failed: what the earlier batches changed stands, and is recorded as a run that did not finish.
            await audit.RecordAsync(actor, given, new BulkResult(action, false, progress.Changed, [], now), completed: false, CancellationToken.None);
            throw;
        }
        await audit.RecordAsync(actor, given, result, completed: true, CancellationToken.None);
        return Outcome<BulkResult>.Ok(result);
    }

    /// <summary>How many links a real run has changed so far, for its audit entry if it stops early.</summary>
    private sealed class BulkProgress
    {
        public long Changed { get; set; }
    }

    /// <summary>
    /// The links the action changes: the filter (active links when it names no state) narrowed to those the
    /// action applies to, and made before the run began, so the shares a rotate makes are not rotated again.
    /// Null when there are none.
    /// </summary>
    public static LinkFilter? Targets(LinkFilter filter, BulkAction action, DateTimeOffset now)
    {
        var states = new HashSet<LinkState>(filter.States ?? new HashSet<LinkState> { LinkState.Active });
        if (action.Kind is BulkActionKind.Revoke or BulkActionKind.ExpireAt or BulkActionKind.Rotate)
        {
            states.Remove(LinkState.Revoked);
        }
        // A filter that keeps only links already as the action would leave them leaves it nothing to do.
        if (states.Count == 0
            || (action.Kind == BulkActionKind.RemovePassword && filter.HasPassword == false)
            || (action.Kind == BulkActionKind.SetDenyDownload && filter.DenyDownload == action.DenyDownload))
        {
            return null;
        }
        var startedBefore = now.AddTicks(1);
        var narrowed = filter with
        {
            States = states,
            CreatedBefore = filter.CreatedBefore is { } before && before < startedBefore ? before : startedBefore,
        };
        return action.Kind switch
        {
            BulkActionKind.RemovePassword => narrowed with { HasPassword = true },
            BulkActionKind.SetDenyDownload => narrowed with { DenyDownload = !action.DenyDownload },
            BulkActionKind.ExpireAt => narrowed with { ExpiresOtherThan = action.ExpiresAt },
            _ => narrowed,
        };
    }

    private static ValidationErrors Validate(LinkFilter filter, BulkAction action, DateTimeOffset now, LinkPolicy policy)
    {
        var errors = new ValidationErrors();
        if (action.Kind == BulkActionKind.ExpireAt)
        {
            if (action.ExpiresAt is not { } at)
            {
                errors.Add("expiresAt", "expiresAt is required for expire-at.");
            }
            else if (at < now)
            {
                errors.Add("expiresAt", "expiresAt is in the past.");
            }
            else if (at > now + LinkRules.MaxLifetime)
            {
                errors.Add("expiresAt", "expiresAt is more than ten years ahead.");
            }
            else if (filter.Covers(LinkTable.FileLinks) && LinkPolicyRules.Latest(policy.FileLinks.MaxLifetimeDays, now) < at)
            {
                errors.Add("expiresAt", $"expiresAt is past the link policy's maximum lifetime of file links ({policy.FileLinks.MaxLifetimeDays} days).");
            }
            else if (filter.Covers(LinkTable.Shares) && LinkPolicyRules.Latest(policy.Shares.MaxLifetimeDays, now) < at)
            {
                errors.Add("expiresAt", $"expiresAt is past the link policy's maximum lifetime of shares ({policy.Shares.MaxLifetimeDays} days).");
            }
        }
        if (action.Kind == BulkActionKind.RemovePassword && policy.FileLinks.RequirePassword && filter.Covers(LinkTable.FileLinks))
        {
            errors.Add("action", "The link policy requires a password on every file link: remove-password is refused.");
        }
        return errors;
    }

    private async Task<BulkResult> CountAsync(LinkFilter? targets, BulkAction action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (targets is null)
        {
            return new BulkResult(action, true, 0, [], now);
        }
        var count = await inventory.CountAsync(targets, now, cancellationToken);
        var listed = new List<BulkChangedLink>(MaxListed);
        LinkPosition? after = null;
        do
        {
            var page = await inventory.ListAsync(new LinkQuery(targets, LinkSort.CreatedAscending, MaxListed - listed.Count, after), now, cancellationToken);
            listed.AddRange(page.Links.Select(l => new BulkChangedLink(l, null)));
            after = page.Next;
        }
        while (after is not null && listed.Count < MaxListed);
        return new BulkResult(action, true, count, listed, now);
    }

    private async Task<BulkResult> ApplyAsync(
        LinkFilter? targets, BulkAction action, DateTimeOffset now, LinkPolicy policy, BulkProgress progress, CancellationToken cancellationToken)
    {
        var listed = new List<BulkChangedLink>(MaxListed);
        long count = 0;
        // A rotated file link keeps its moment and gets a new key, which may sort after the cursor among links
        // made at the same moment: those already rotated are remembered until the cursor moves past that moment.
        var rotatedAtCursor = new Dictionary<Guid, DateTimeOffset>();
        LinkPosition? after = null;
        while (targets is not null)
        {
            var page = await inventory.ListAsync(new LinkQuery(targets, LinkSort.CreatedAscending, BatchSize, after), now, cancellationToken);
            var batchTime = time.GetUtcNow();
            var batch = page.Links
                .Where(l => l.FileLinkId is not { } id || !rotatedAtCursor.ContainsKey(id))
                .Select(l => Plan(l, action, now, batchTime, policy))
                .ToList();
            var changed = batch.Count == 0 ? [] : await store.ApplyAsync(action, batch, batchTime, cancellationToken);
            count += changed.Count;
            progress.Changed = count;
            foreach (var target in changed)
            {
                if (listed.Count < MaxListed)
                {
                    listed.Add(new BulkChangedLink(target.After(action, batchTime), action.Kind == BulkActionKind.Rotate ? target.Link : null));
                }
                if (action.Kind == BulkActionKind.Rotate && target.Link.FileLinkId is { } rotated)
                {
                    rotatedAtCursor[rotated] = target.Link.Created;
                }
            }
            after = page.Next;
            if (after is null)
            {
                break;
            }
            foreach (var passed in rotatedAtCursor.Where(r => r.Value != after.Value).Select(r => r.Key).ToList())
            {
                rotatedAtCursor.Remove(passed);
            }
        }
        return new BulkResult(action, false, count, listed, now);
    }

    private BulkTarget Plan(InventoryLink link, BulkAction action, DateTimeOffset startedAt, DateTimeOffset batchTime, LinkPolicy policy)
    {
        if (action.Kind != BulkActionKind.Rotate)
        {
            return new BulkTarget(link);
        }
        if (link.Kind == LinkKind.File)
        {
            return new BulkTarget(link, keys.NewKey(), link.HasPassword ? keys.NewKey() : null);
        }
        // The replacement share is made after the run began, whatever the clock says, so the run never reaches it.
        var created = batchTime > startedAt ? batchTime : startedAt.AddTicks(1);
        // The replacement is a new share: it obeys the link policy in force, as any new share does.
        var latest = LinkPolicyRules.Latest(policy.Shares.MaxLifetimeDays, created);
        var expires = latest is { } limit && (link.Expires is null || link.Expires > limit) ? limit : link.Expires;
        return new BulkTarget(link, keys.NewKey(), null, created, expires);
    }
}
