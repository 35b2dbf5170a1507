using System.Security.Cryptography;
using System.Text;

namespace Sharekeep.Core.Links;

/// <summary>
/// An external link to a file. Several may point at one file, each with its own key, expiry and password.
/// </summary>
/// <param name="Key">The credential in the public URL.</param>
/// <param name="Title">A name for the people who manage links; never shown to a visitor.</param>
/// <param name="PasswordHash">A slow salted hash (<see cref="LinkPasswordHasher"/>), or null for an open link.</param>
/// <param name="PasswordStamp">
/// Random, and new with every password: unlock cookies carry it, so that changing or removing the password
/// locks out every browser that was let in before.
/// </param>
public sealed record FileLink(
    Guid Id,
    Guid FileId,
    string Key,
    string Title,
    DateTimeOffset? Expires,
    bool DenyDownload,
    bool Primary,
    string? PasswordHash,
    string? PasswordStamp,
    DateTimeOffset Created,
    DateTimeOffset? Revoked)
{
    public bool HasPassword => PasswordHash is not null;

    public bool IsActive => Revoked is null;

    public bool IsExpired(DateTimeOffset now) => Expires <= now;

    public bool IsUnlockedBy(LinkUnlock? unlock) =>
        unlock is not null
        && unlock.LinkId == Id
        && PasswordStamp is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(unlock.Stamp), Encoding.UTF8.GetBytes(PasswordStamp));
}

/// <summary>What a browser proves it was given after the right password (carried in a server-signed cookie).</summary>
public sealed record LinkUnlock(Guid LinkId, string Stamp);
