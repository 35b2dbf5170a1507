namespace Sharekeep.Core.Sessions;

/// <summary>
/// A signed-in console session, kept by the server so that it can be ended: by signing out, from another
/// session, or by the credential it came from changing. The browser holds only its id, in a signed cookie.
/// </summary>
/// <param name="CredentialStamp">
/// Names the credential the session was opened with (a digest of it, never the credential): when the API secret
/// is rotated, the stamp no longer matches and every session opened with the old one is over.
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
    public bool IsOpenAt(DateTimeOffset now, string credentialStamp) =>
        Ended is null
        && string.Equals(CredentialStamp, credentialStamp, StringComparison.Ordinal)
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
