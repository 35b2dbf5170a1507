using Sharekeep.Core.Activity;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Keys;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Core.Links;

/// <summary>Creates, changes and revokes external links to files, and decides what a visitor holding a key sees.</summary>
public sealed class FileLinkService(
    IFileLinkStore links,
    IFileStore files,
    PolicyService policy,
    LinkPolicyService linkPolicy,
    ILinkKeyGenerator keys,
    PasswordGuard guard,
    IPasswordFailureStore failures,
    AuditLog audit,
    TimeProvider time,
    SharekeepMetrics? metrics = null,
    LinkActivity? activity = null,
    LinkPasswordCost? passwordCost = null)
{
    private readonly SharekeepMetrics _metrics = metrics ?? SharekeepMetrics.Unobserved;
    private readonly LinkPasswordCost _passwordCost = passwordCost ?? LinkPasswordCost.Production;

    public const int MaxListPage = 1000;
    public const int MaxLockedList = 200;

    /// <summary>Makes a new link to a file, while external sharing is on.</summary>
    /// <param name="linkId">The id the caller chose for it (the platform lets a client name a new link), or null for a new one.</param>
    public async Task<Outcome<FileLink>> CreateAsync(
        Guid fileId, Guid? linkId, LinkSettings settings, Actor actor, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(fileId, cancellationToken) is null)
        {
            return FileNotFound(fileId);
        }
        var (link, refusal) = await NewLinkAsync(fileId, linkId, settings, cancellationToken);
        if (link is null)
        {
            return refusal;
        }
        if (linkId is null)
        {
            return await RecordedAsync(await SavedAsync(link, cancellationToken), AuditActions.FileLinkCreated, actor, cancellationToken);
        }
        // An id the caller chose may be taken by the time it is written: by the same request made twice at once
        // (then these settings apply to the link that won, as a change, so every caller holds the one stored key),
        // or by a link of another file.
        var added = await links.AddAsync(link, cancellationToken);
        if (added is null)
        {
            return FileNotFound(fileId);
        }
        if (added.Key == link.Key)
        {
            return await RecordedAsync(Outcome<FileLink>.Ok(added), AuditActions.FileLinkCreated, actor, cancellationToken);
        }
        // As a change, the settings carry what the link policy gave this link, so the change is what was made.
        return added.FileId == fileId
            ? await UpdateAsync(fileId, added.Id, settings with { Expires = link.Expires, DenyDownload = link.DenyDownload }, actor, cancellationToken)
            : Outcome<FileLink>.Invalid("linkId", "linkId names a link of another file.");
    }

    /// <summary>
    /// Changes an active link of a file, whatever the policy. NotFound names "fileId" or "linkId", whichever
    /// named nothing; a revoked link stays revoked.
    /// </summary>
    public async Task<Outcome<FileLink>> UpdateAsync(
        Guid fileId, Guid linkId, LinkSettings settings, Actor actor, CancellationToken cancellationToken)
    {
        var (existing, refusal) = await FindAsync(fileId, linkId, cancellationToken);
        if (existing is null)
        {
            return refusal;
        }
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        LinkRules.Check(settings, now, errors);
        if (!existing.IsActive)
        {
            errors.Add("linkId", "That link was revoked and stays revoked; create a new link instead.");
        }
        if (errors.IsEmpty)
        {
            var rules = (await linkPolicy.GetAsync(cancellationToken)).Policy.FileLinks;
            settings = LinkPolicyRules.ForFileLinkChange(rules, settings, existing, now, errors);
        }
        if (!errors.IsEmpty)
        {
            return Outcome<FileLink>.Invalid(errors);
        }
        var (hash, stamp) = settings.Password is null ? (existing.PasswordHash, existing.PasswordStamp) : NewPassword(settings.Password);
        var link = existing with
        {
            Title = Title(settings),
            Expires = settings.Expires,
            DenyDownload = settings.DenyDownload ?? existing.DenyDownload,
            Primary = settings.Primary,
            PasswordHash = hash,
            PasswordStamp = stamp,
        };
        return await RecordedAsync(
            await SavedAsync(link, cancellationToken), AuditActions.FileLinkUpdated, actor, cancellationToken, passwordChanged: settings.Password is not null);
    }

    /// <summary>
    /// Stops a link for good, whatever the policy; revoking a revoked link changes nothing and is Ok.
    /// NotFound names "fileId" or "linkId", whichever named nothing; no linkId at all is Invalid.
    /// </summary>
    public async Task<Outcome<FileLink>> RevokeAsync(Guid fileId, Guid? linkId, Actor actor, CancellationToken cancellationToken)
    {
        if (linkId is null)
        {
            return await files.FindAsync(fileId, cancellationToken) is null
                ? FileNotFound(fileId)
                : Outcome<FileLink>.Invalid("linkId", "Name the link to revoke with linkId.");
        }
        var (existing, refusal) = await FindAsync(fileId, linkId.Value, cancellationToken);
        if (existing is null)
        {
            return refusal;
        }
        if (!existing.IsActive)
        {
            return Outcome<FileLink>.Ok(existing);
        }
        // A revoked link keeps its primary flag: that is how a revoked primary link is known and not made again.
        return await RecordedAsync(
            await SavedAsync(existing with { Revoked = time.GetUtcNow() }, cancellationToken), AuditActions.FileLinkRevoked, actor, cancellationToken);
    }

    /// <summary>
    /// The file's primary link, made from <paramref name="settings"/> if the file never had one (as the platform's
    /// "Copy link" does); later calls answer the same link and change nothing. A primary link that was revoked is
    /// not made again: NotFound naming "linkId".
    /// </summary>
    public async Task<Outcome<FileLink>> PrimaryAsync(Guid fileId, LinkSettings settings, Actor actor, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(fileId, cancellationToken) is null)
        {
            return FileNotFound(fileId);
        }
        if (await links.FindPrimaryAsync(fileId, cancellationToken) is { } primary)
        {
            return Existing(primary);
        }
        var (link, refusal) = await NewLinkAsync(fileId, null, settings with { Primary = true }, cancellationToken);
        if (link is null)
        {
            return refusal;
        }
        // Callers that all found no primary link race here; the store lets one make it and answers it to the others.
        return await links.AddPrimaryAsync(link, cancellationToken) switch
        {
            null => FileNotFound(fileId),
            { } made when made.Id == link.Id => await RecordedAsync(Outcome<FileLink>.Ok(made), AuditActions.FileLinkCreated, actor, cancellationToken),
            { } other => Existing(other),
        };

        static Outcome<FileLink> Existing(FileLink primary) => primary.IsActive
            ? Outcome<FileLink>.Ok(primary)
            : Outcome<FileLink>.NotFound("linkId", "The file's primary link was revoked, and is not made again; make another link primary instead.");
    }

    public async Task<IReadOnlyList<FileLink>?> ListAsync(Guid fileId, CancellationToken cancellationToken) =>
        await files.FindAsync(fileId, cancellationToken) is null ? null : await links.ListActiveAsync(fileId, cancellationToken);

    /// <summary>The newest active links of every file, each with its file's name.</summary>
    public Task<IReadOnlyList<ListedFileLink>> ListActiveAsync(int limit, CancellationToken cancellationToken) =>
        links.ListActiveAsync(Math.Clamp(limit, 1, MaxListPage), cancellationToken);

    /// <summary>
    /// Opens a link for a visitor. The order of checks is the order of what may be revealed: an unknown or
    /// revoked key says nothing else, then the policy, then expiry, then the password.
    /// </summary>
    /// <param name="unlockFor">The visitor's proof of an earlier right password for a link id, if they hold one.</param>
    public async Task<LinkVisit> OpenAsync(string? key, Func<Guid, LinkUnlock?>? unlockFor, CancellationToken cancellationToken)
    {
        var (visit, file) = await CheckAsync(key, cancellationToken);
        if (visit.Status == VisitStatus.PasswordRequired && visit.Link!.IsUnlockedBy(unlockFor?.Invoke(visit.Link.Id)))
        {
            visit = visit with { Status = VisitStatus.Ok, File = file };
        }
        _metrics.Resolved(VisitOutcomes.FileKind, VisitOutcomes.Of(visit.Status));
        return visit;
    }

    /// <summary>
    /// A visitor's password for a link. The right one opens it (the caller then hands out an unlock for the
    /// link's current stamp). Wrong ones are counted per link, per client network and per both, and past a limit
    /// the password is not even checked (see <see cref="PasswordGuard"/>).
    /// </summary>
    /// <param name="network">The client's network (an IPv4 address, an IPv6 /64), so one holder of many addresses counts once.</param>
    public async Task<LinkVisit> TryPasswordAsync(string? key, string? password, string network, CancellationToken cancellationToken)
    {
        var (visit, file) = await CheckAsync(key, cancellationToken);
        if (visit.Status != VisitStatus.PasswordRequired)
        {
            _metrics.Resolved(VisitOutcomes.FileKind, VisitOutcomes.Of(visit.Status));
            return visit;
        }
        var link = visit.Link!;
        var check = await guard.CheckAsync(
            failures, link.Id, network, () => IsRight(password, link), cancellationToken);
        var tried = check.Verdict switch
        {
            PasswordVerdict.Right => visit with { Status = VisitStatus.Ok, File = file },
            PasswordVerdict.Wrong => visit with { Status = VisitStatus.InvalidPassword },
            PasswordVerdict.Locked => visit with { Status = VisitStatus.TooManyAttempts, RetryAfter = check.RetryAfter },
            _ => visit with { Status = VisitStatus.PasswordChecksBusy, RetryAfter = check.RetryAfter },
        };
        _metrics.Resolved(VisitOutcomes.FileKind, VisitOutcomes.Of(tried.Status));
        if (check.Verdict == PasswordVerdict.Wrong)
        {
            activity?.PasswordFailed(ActivityLink.File(link.Id), check.LockedOut);
        }
        return tried;
    }

    /// <summary>Links that too many wrong passwords have locked for now, from anywhere, most failures first.</summary>
    public async Task<IReadOnlyList<LockedLink>> ListLockedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - guard.Limits.LinkWindow;
        var counted = await failures.LinksWithFailuresAsync(since, guard.Limits.LinkFailures, MaxLockedList, cancellationToken);
        var locked = new List<LockedLink>(counted.Count);
        foreach (var count in counted)
        {
            var recent = await failures.RecentForLinkAsync(count.LinkId, since, guard.Limits.LinkFailures, cancellationToken);
            if (guard.LockedUntil(recent) is { } until && until > now && await links.FindAsync(count.LinkId, cancellationToken) is { } link)
            {
                locked.Add(new LockedLink(link, count.Failures, until));
            }
        }
        return locked;
    }

    /// <summary>
    /// Forgets a link's wrong passwords for the link, so that it takes tries again at once, on every instance. They
    /// still count for the networks they came from: unlocking a link gives its guessers nothing back.
    /// </summary>
    public async Task<Outcome<FileLink>> UnlockAsync(Guid linkId, Actor actor, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(linkId, cancellationToken) is not { } link)
        {
            return Outcome<FileLink>.NotFound("linkId", $"No link has id {linkId}.");
        }
        var forgiven = await failures.ForgetLinkAsync(linkId, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.LinkUnlocked, [linkId.ToString(), link.FileId.ToString()], new { Forgiven = forgiven }, cancellationToken);
        return Outcome<FileLink>.Ok(link);
    }

    /// <summary>
    /// Client networks that too many wrong passwords over all links have locked for now: behind an unnamed proxy
    /// (every visitor with its address) or a large NAT, a lock here shuts out many people, so it is shown.
    /// </summary>
    public async Task<IReadOnlyList<LockedNetwork>> ListLockedNetworksAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - guard.Limits.NetworkWindow;
        var counted = await failures.NetworksWithFailuresAsync(since, guard.Limits.NetworkFailures, MaxLockedList, cancellationToken);
        var locked = new List<LockedNetwork>(counted.Count);
        foreach (var count in counted)
        {
            var recent = await failures.RecentForNetworkAsync(count.Network, since, guard.Limits.NetworkFailures, cancellationToken);
            if (guard.NetworkLockedUntil(recent) is { } until && until > now)
            {
                locked.Add(new LockedNetwork(count.Network, count.Failures, until));
            }
        }
        return locked;
    }

    /// <summary>Forgets a network's wrong passwords for the network (they still count for their links), on every instance.</summary>
    public async Task UnlockNetworkAsync(string network, Actor actor, CancellationToken cancellationToken)
    {
        var forgiven = await failures.ForgetNetworkAsync(network, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.NetworkUnlocked, [network], new { Forgiven = forgiven }, cancellationToken);
    }

    /// <summary>
    /// A password longer than any a link may have is wrong without hashing it; the check still counts, so
    /// length buys a guesser nothing.
    /// </summary>
    private static bool IsRight(string? password, FileLink link) =>
        password is { Length: > 0 and <= LinkRules.MaxPasswordLength } && LinkPasswordHasher.Verify(password, link.PasswordHash!);

    /// <summary>
    /// Every check but the visitor's password. A link that needs one comes back as PasswordRequired, with its
    /// file apart, for the caller to hand out only once the password is proven.
    /// </summary>
    private async Task<(LinkVisit Visit, StoredFile? File)> CheckAsync(string? key, CancellationToken cancellationToken)
    {
        if (!LinkKeyFormat.IsWellFormed(key))
        {
            return (new LinkVisit(VisitStatus.Unknown), null);
        }
        var link = await links.FindByKeyAsync(key!, cancellationToken);
        if (link is null)
        {
            return (new LinkVisit(VisitStatus.Unknown), null);
        }
        if (!link.IsActive)
        {
            return (new LinkVisit(VisitStatus.Revoked, link), null);
        }
        var current = await policy.GetAsync(cancellationToken);
        if (!current.ExternalSharingEnabled)
        {
            return (new LinkVisit(VisitStatus.ExternalSharingDisabled, link), null);
        }
        if (link.IsExpired(time.GetUtcNow()))
        {
            return (new LinkVisit(VisitStatus.Expired, link), null);
        }
        var file = await files.FindAsync(link.FileId, cancellationToken);
        if (file is null)
        {
            return (new LinkVisit(VisitStatus.Unknown), null);
        }
        var social = current.SocialMediaEnabled;
        return link.HasPassword
            ? (new LinkVisit(VisitStatus.PasswordRequired, link, SocialMedia: social), file)
            : (new LinkVisit(VisitStatus.Ok, link, file, SocialMedia: social), file);
    }

    /// <summary>A link of the given file, or the refusal that says which id named nothing.</summary>
    private async Task<(FileLink? Link, Outcome<FileLink> Refusal)> FindAsync(Guid fileId, Guid linkId, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(fileId, cancellationToken) is null)
        {
            return (null, FileNotFound(fileId));
        }
        var link = await links.FindAsync(linkId, cancellationToken);
        if (link is null)
        {
            return (null, Outcome<FileLink>.NotFound("linkId", $"The file has no link with id {linkId}."));
        }
        return link.FileId == fileId ? (link, default) : (null, Outcome<FileLink>.Invalid("linkId", "linkId names a link of another file."));
    }

    /// <summary>A new link from valid settings while external sharing is on, not yet saved; or the refusal.</summary>
    private async Task<(FileLink? Link, Outcome<FileLink> Refusal)> NewLinkAsync(
        Guid fileId, Guid? linkId, LinkSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        LinkRules.Check(settings, now, errors);
        if (errors.IsEmpty)
        {
            var rules = (await linkPolicy.GetAsync(cancellationToken)).Policy.FileLinks;
            settings = LinkPolicyRules.ForNewFileLink(rules, settings, now, errors);
        }
        if (!errors.IsEmpty)
        {
            return (null, Outcome<FileLink>.Invalid(errors));
        }
        if (!(await policy.GetAsync(cancellationToken)).ExternalSharingEnabled)
        {
            return (null, Outcome<FileLink>.SharingOff);
        }
        var (hash, stamp) = NewPassword(settings.Password);
        var link = new FileLink(
            linkId ?? Guid.CreateVersion7(now), fileId, keys.NewKey(), Title(settings), settings.Expires, settings.DenyDownload ?? false, settings.Primary, hash, stamp, now, null);
        return (link, default);
    }

    /// <summary>The link as saved, or NotFound when its file was deleted meanwhile.</summary>
    private async Task<Outcome<FileLink>> SavedAsync(FileLink link, CancellationToken cancellationToken) =>
        await links.SaveAsync(link, cancellationToken) ? Outcome<FileLink>.Ok(link) : FileNotFound(link.FileId);

    /// <summary>
    /// The outcome, once a change it reports is in the audit: the link's settings after it, never its key or
    /// password (only whether it has one, and whether this change set it).
    /// </summary>
    private async Task<Outcome<FileLink>> RecordedAsync(
        Outcome<FileLink> outcome, string action, Actor actor, CancellationToken cancellationToken, bool? passwordChanged = null)
    {
        if (outcome.Value is { } link)
        {
            object details = action == AuditActions.FileLinkRevoked
                ? new { link.Title }
                : new { link.Title, link.Expires, link.DenyDownload, link.Primary, link.HasPassword, PasswordChanged = passwordChanged };
            await audit.RecordAsync(actor, action, [link.Id.ToString(), link.FileId.ToString()], details, cancellationToken);
        }
        return outcome;
    }

    /// <summary>The hash and stamp for a new password; none for null or "".</summary>
    private (string? Hash, string? Stamp) NewPassword(string? password) =>
        string.IsNullOrEmpty(password) ? (null, null) : (LinkPasswordHasher.Hash(password, _passwordCost), keys.NewKey());

    private static Outcome<FileLink> FileNotFound(Guid fileId) =>
        Outcome<FileLink>.NotFound("fileId", $"There is no file with id {fileId}.");

    private static string Title(LinkSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Title) ? LinkRules.DefaultTitle : settings.Title.Trim();
}
