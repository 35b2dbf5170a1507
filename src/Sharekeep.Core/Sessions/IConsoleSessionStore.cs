namespace Sharekeep.Core.Sessions;

/// <summary>Console sessions, shared by every instance.</summary>
public interface IConsoleSessionStore
{
    Task AddAsync(ConsoleSession session, CancellationToken cancellationToken);

    Task<ConsoleSession?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task TouchAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends the session if it is still open; false when there was no open session with that id.</summary>
    Task<bool> EndAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sessions not ended, newest first (some may be past their idle time or lifetime).</summary>
    Task<IReadOnlyList<ConsoleSession>> ListUnendedAsync(int limit, CancellationToken cancellationToken);
}
