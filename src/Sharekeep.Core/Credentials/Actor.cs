namespace Sharekeep.Core.Credentials;

/// <summary>
/// Who made a change, as the audit log names it: the credential (the bootstrap API secret, or an API key by id,
/// never the secret or key itself) and, for the console, the session it was used through.
/// </summary>
public sealed record Actor(string Credential, Guid? ConsoleSession = null)
{
    /// <summary>The configured or generated API secret, the one credential that is not an API key.</summary>
    public const string BootstrapSecret = "api-secret";

    /// <summary>"api-secret", "key:&lt;id&gt;", or "console:&lt;session id&gt;/" followed by either.</summary>
    public override string ToString() => ConsoleSession is { } session ? $"console:{session:D}/{Credential}" : Credential;
}
