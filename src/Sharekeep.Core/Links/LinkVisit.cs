using Sharekeep.Core.Files;

namespace Sharekeep.Core.Links;

/// <summary>What a visitor holding a key may see. Only <see cref="Ok"/> lets the file out.</summary>
public enum VisitStatus
{
    Ok,
    /// <summary>No link has this key (or its file is gone).</summary>
    Unknown,
    Revoked,
    Expired,
    PasswordRequired,
    InvalidPassword,
    ExternalSharingDisabled,
    /// <summary>Too many wrong passwords for this link or from this network: the password was not checked.</summary>
    TooManyAttempts,
    /// <summary>Every password check is taken by others' tries: this one was not checked; try again shortly.</summary>
    PasswordChecksBusy,
}

/// <summary>
/// The outcome of opening a link: richer than <see cref="Outcome{T}"/>, because a visitor's page and the platform's
/// statuses tell apart why a link does not open. <see cref="Link"/> is set once the key is known, <see cref="File"/>
/// only when the visitor may see it; <see cref="RetryAfter"/> only for <see cref="VisitStatus.TooManyAttempts"/> and <see cref="VisitStatus.PasswordChecksBusy"/>.
/// <see cref="SocialMedia"/> tells whether the link may be published with social-media tags (the policy
/// read for this visit, so pages need not read it again).
/// </summary>
public sealed record LinkVisit(
    VisitStatus Status, FileLink? Link = null, StoredFile? File = null, TimeSpan? RetryAfter = null, bool SocialMedia = false)
{
    public bool IsOpen => Status == VisitStatus.Ok;
}
