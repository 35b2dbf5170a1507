using Sharekeep.Core.Files;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;

namespace Sharekeep.Core.Links;

/// <summary>Creates, changes and revokes external links to files, and decides what a visitor holding a key sees.</summary>
public sealed class FileLinkService(
    IFileLinkStore links,
    IFileStore files,
    PolicyService policy,
    IShareKeyGenerator keys,
    PasswordAttemptThrottle throttle,
    TimeProvider time)
{
    public async Task<LinkChange> SetAsync(Guid fileId, LinkSettings settings, CancellationToken cancellationToken)
    {
        if (await files.FindAsync(fileId, cancellationToken) is null)
        {
            return new LinkChange(LinkChangeStatus.FileNotFound);
        }
        // The platform sends the empty GUID for "a new link".
        var chosenId = settings.LinkId is { } id && id != Guid.Empty ? id : (Guid?)null;
        var existing = chosenId is { } wanted ? await links.FindAsync(wanted, cancellationToken) : null;
        if (existing is not null && existing.FileId != fileId)
        {
            return Invalid("linkId", "linkId names a link of another file.");
        }
        var now = time.GetUtcNow();

        if (settings.Revoke)
        {
            if (existing is null)
            {
                return chosenId is null
                    ? Invalid("linkId", "Name the link to revoke with linkId.")
                    : new LinkChange(LinkChangeStatus.LinkNotFound);
            }
            if (existing.IsActive)
            {
                await links.SaveAsync(existing with { Revoked = now, Primary = false }, cancellationToken);
            }
            return new LinkChange(LinkChangeStatus.Revoked);
        }

        var errors = new ValidationErrors();
        LinkRules.Check(settings, now, errors);
        if (existing is { IsActive: false })
        {
            errors.Add("linkId", "That link was revoked and stays revoked; create a new link instead.");
        }
        if (!errors.IsEmpty)
        {
            return new LinkChange(LinkChangeStatus.Invalid, Errors: errors);
        }

        if (existing is null && !(await policy.GetAsync(cancellationToken)).ExternalSharingEnabled)
        {
            return new LinkChange(LinkChangeStatus.ExternalSharingDisabled);
        }
        var (hash, stamp) = settings.Password switch
        {
            null => (existing?.PasswordHash, existing?.PasswordStamp),
            "" => (null, null),
            var password => (LinkPasswordHasher.Hash(password), keys.NewKey()),
        };
        FileLink link;
        if (existing is null)
        {
            link = new FileLink(chosenId ?? Guid.CreateVersion7(now), fileId, keys.NewKey(), Title(settings), settings.Expires, settings.DenyDownload, settings.Primary, hash, stamp, now, null);
        }
        else
        {
            link = existing with
            {
                Title = Title(settings),
                Expires = settings.Expires,
                DenyDownload = settings.DenyDownload,
                Primary = settings.Primary,
                PasswordHash = hash,
                PasswordStamp = stamp,
            };
        }
        await links.SaveAsync(link, cancellationToken);
        return new LinkChange(LinkChangeStatus.Saved, link);
    }

    public async Task<IReadOnlyList<FileLink>?> ListAsync(Guid fileId, CancellationToken cancellationToken) =>
        await files.FindAsync(fileId, cancellationToken) is null ? null : await links.ListActiveAsync(fileId, cancellationToken);

    /// <summary>
    /// Opens a link for a visitor. The order of checks is the order of what may be revealed: an unknown or
    /// revoked key says nothing else, then the policy, then expiry, then the password.
    /// </summary>
    /// <param name="unlockFor">The visitor's proof of an earlier right password for a link id, if they hold one.</param>
    public async Task<LinkVisit> OpenAsync(string? key, Func<Guid, LinkUnlock?>? unlockFor, CancellationToken cancellationToken)
    {
        var (visit, file) = await CheckAsync(key, cancellationToken);
        if (visit.Status != VisitStatus.PasswordRequired)
        {
            return visit;
        }
        return visit.Link!.IsUnlockedBy(unlockFor?.Invoke(visit.Link.Id)) ? visit with { Status = VisitStatus.Ok, File = file } : visit;
    }

    /// <summary>
    /// A visitor's password for a link. The right one opens it (the caller then hands out an unlock for the
    /// link's current stamp); repeated wrong ones from one client lock that client out of that link for a while.
    /// </summary>
    public async Task<LinkVisit> TryPasswordAsync(string? key, string? password, string client, CancellationToken cancellationToken)
    {
        var (visit, file) = await CheckAsync(key, cancellationToken);
        if (visit.Status != VisitStatus.PasswordRequired)
        {
            return visit;
        }
        var link = visit.Link!;
        if (throttle.TryBegin(link.Id, client) is { } wait)
        {
            return visit with { Status = VisitStatus.TooManyAttempts, RetryAfter = wait };
        }
        if (password is null || !LinkPasswordHasher.Verify(password, link.PasswordHash!))
        {
            throttle.Failed(link.Id, client);
            return visit with { Status = VisitStatus.InvalidPassword };
        }
        throttle.Succeeded(link.Id, client);
        return visit with { Status = VisitStatus.Ok, File = file };
    }

    /// <summary>
    /// Every check but the visitor's password. A link that needs one comes back as PasswordRequired, with its
    /// file apart, for the caller to hand out only once the password is proven.
    /// </summary>
    private async Task<(LinkVisit Visit, StoredFile? File)> CheckAsync(string? key, CancellationToken cancellationToken)
    {
        if (!ShareKeyFormat.IsWellFormed(key))
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

    private static string Title(LinkSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Title) ? LinkRules.DefaultTitle : settings.Title.Trim();

    private static LinkChange Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return new LinkChange(LinkChangeStatus.Invalid, Errors: errors);
    }
}
