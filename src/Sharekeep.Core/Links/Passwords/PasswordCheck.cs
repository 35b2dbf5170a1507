namespace Sharekeep.Core.Links.Passwords;

public enum PasswordVerdict
{
    Right,
    Wrong,
    /// <summary>Too many wrong passwords for the link, the network, or both: not checked.</summary>
    Locked,
    /// <summary>Every check and every place in the queue is taken: not checked, try again shortly.</summary>
    Busy,
}

/// <summary>What came of a try; <see cref="RetryAfter"/> is set for <see cref="PasswordVerdict.Locked"/> and <see cref="PasswordVerdict.Busy"/>.</summary>
public readonly record struct PasswordCheck(PasswordVerdict Verdict, TimeSpan? RetryAfter = null)
{
    /// <summary>A wrong password that reached a limit: from now on the link, the network or the client is locked out.</summary>
    public bool LockedOut { get; init; }
}
