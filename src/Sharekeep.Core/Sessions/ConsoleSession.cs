namespace Sharekeep.Core.Sessions;

/// <summary>
/// A signed-in console session, kept by the server so that it can be ended: by signing out, from another
/// session, or by the credential it came from changing. The browser holds only its id, in a signed cookie.
/// </summary>
/// <param name="CredentialStamp">
/// Names the credential the session was opened with, never the credential itself: a digest of the API secret (when
/// the secret is rotated, the stamp no longer matches) or an API key's name in the audit ("key:&lt;id&gt;"; when
/// the key is revoked or expires, it no longer holds). <see cref="ISessionCredentials"/> says which still hold.
/// </param>
public sealed record ConsoleSession(
    Guid Id,
    string CredentialStamp,
    DateTimeOffset Created,
    DateTimeOffset LastSeen,
    DateTimeOffset? Ended,
    string? Address,
    string? UserAgent)
{
    /// <summary>Not ended, idle or too old; whether its credential still holds is <see cref="ISessionCredentials"/>' to say.</summary>
    public bool IsOpenAt(DateTimeOffset now) =>
        Ended is null
        && now - LastSeen < ConsoleSessionRules.IdleTimeout
        && now - Created < ConsoleSessionRules.Lifetime;
}

/// <summary>How long a console session lasts.</summary>
public static class ConsoleSessionRules
{
    /// <summary>Unused this long, a session is over.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>However busy, a session is over this long after sign-in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Last use is written at most this often, so that browsing the console is not a write per page.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public const int MaxTextLength = 200;
}
