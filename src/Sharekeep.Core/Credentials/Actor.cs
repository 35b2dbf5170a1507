namespace Sharekeep.Core.Credentials;

/// <summary>
/// Who made a change, as the audit log names it: the credential (the bootstrap API secret, or an API key by id,
/// never the secret or key itself) and, for the console, the session it was used through.
/// </summary>
public sealed record Actor(string Credential, Guid? ConsoleSession = null)
{
    /// <summary>The configured or generated API secret, the one credential that is not an API key.</summary>
    public const string BootstrapSecret = "api-secret";

    private const string ConsolePrefix = "console:";

    /// <summary>"api-secret", "key:&lt;id&gt;", or "console:&lt;session id&gt;/" followed by either.</summary>
    public override string ToString() => ConsoleSession is { } session ? $"{ConsolePrefix}{session:D}/{Credential}" : Credential;

    /// <summary>The actor an audit entry names, read back from <see cref="ToString"/>'s form.</summary>
    public static Actor Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return text.StartsWith(ConsolePrefix, StringComparison.Ordinal) && slash > 0
            && Guid.TryParse(text.AsSpan(ConsolePrefix.Length, slash - ConsolePrefix.Length), out var session)
            ? new Actor(text[(slash + 1)..], session)
            : new Actor(text);
    }
}
