using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;

namespace Sharekeep.Core.Sessions;

/// <summary>Opens, checks, lists and ends console sessions.</summary>
public sealed class ConsoleSessionService(IConsoleSessionStore store, ISessionCredentials credentials, AuditLog audit, TimeProvider time)
{
    public const int MaxListed = 100;

    /// <summary>Opens a session for <paramref name="credential"/> (as an <see cref="Actor"/> names it), whose <paramref name="credentialStamp"/> must keep holding.</summary>
    public async Task<ConsoleSession> StartAsync(
        string credential, string credentialStamp, string? address, string? userAgent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = new ConsoleSession(Guid.CreateVersion7(now), credentialStamp, now, now, null, Clip(address), Clip(userAgent));
        await store.AddAsync(session, cancellationToken);
        // The address and user agent are what the console's session list shows; the entry says where the sign-in came from.
        await audit.RecordAsync(
            new Actor(credential, session.Id),
            AuditActions.ConsoleSignedIn,
            [session.Id.ToString()],
            new { session.Address, session.UserAgent },
            cancellationToken);
        return session;
    }

    /// <summary>Whether the session is open for a request now made with it; if so, its last use is noted.</summary>
    public async Task<bool> CheckAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await store.FindAsync(id, cancellationToken) is not { } session
            || !session.IsOpenAt(now)
            || !await credentials.HoldAsync(session.CredentialStamp, cancellationToken))
        {
            return false;
        }
        if (now - session.LastSeen >= ConsoleSessionRules.TouchInterval)
        {
            await store.TouchAsync(id, now, cancellationToken);
        }
        return true;
    }

    /// <summary>Ends a session: <paramref name="actor"/>'s own (signing out) or another.</summary>
    public async Task<bool> EndAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (!await store.EndAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }
        var action = actor.ConsoleSession == id ? AuditActions.ConsoleSignedOut : AuditActions.ConsoleSessionEnded;
        await audit.RecordAsync(actor, action, [id.ToString()], cancellationToken);
        return true;
    }

    /// <summary>The sessions still open whose credentials still hold, newest first.</summary>
    public async Task<IReadOnlyList<ConsoleSession>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = new List<ConsoleSession>();
        foreach (var session in await store.ListUnendedAsync(MaxListed, cancellationToken))
        {
            if (session.IsOpenAt(now) && await credentials.HoldAsync(session.CredentialStamp, cancellationToken))
            {
                open.Add(session);
            }
        }
        return open;
    }

    /// <summary>What a client says of itself is shown to administrators: bounded, and without control characters.</summary>
    private static string? Clip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var visible = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        return visible.Length <= ConsoleSessionRules.MaxTextLength ? visible : visible[..ConsoleSessionRules.MaxTextLength];
    }
}
