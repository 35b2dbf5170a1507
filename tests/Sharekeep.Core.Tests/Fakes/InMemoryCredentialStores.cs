using Sharekeep.Core.Credentials;
using Sharekeep.Core.Sessions;

namespace Sharekeep.Core.Tests.Fakes;

internal sealed class InMemoryApiKeyStore : IApiKeyStore
{
    public List<ApiKey> Keys { get; } = [];

    public int Touches { get; private set; }

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        Keys.Add(key);
        return Task.CompletedTask;
    }

    public Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(Keys.FirstOrDefault(k => k.Id == id));

    public Task<ApiKey?> FindByDigestAsync(string digest, CancellationToken cancellationToken) =>
        Task.FromResult(Keys.FirstOrDefault(k => k.KeyDigest == digest));

    public Task<int> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Keys.Count(k => k.IsActiveAt(now)));

    public Task<IReadOnlyList<ApiKey>> ListAsync(bool includeRevoked, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApiKey>>([.. Keys.Where(k => includeRevoked || k.Revoked is null).OrderByDescending(k => k.Created).Take(limit)]);

    public Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(Replace(id, k => k.Revoked is null, k => k with { Revoked = at }));

    public Task TouchAsync(Guid id, DateTimeOffset at, string? address, CancellationToken cancellationToken)
    {
        Touches++;
        Replace(id, _ => true, k => k with { LastUsed = at, LastUsedAddress = address });
        return Task.CompletedTask;
    }

    private bool Replace(Guid id, Func<ApiKey, bool> when, Func<ApiKey, ApiKey> change)
    {
        var index = Keys.FindIndex(k => k.Id == id && when(k));
        if (index < 0)
        {
            return false;
        }
        Keys[index] = change(Keys[index]);
        return true;
    }
}

internal sealed class InMemoryConsoleSessionStore : IConsoleSessionStore
{
    private readonly List<ConsoleSession> _sessions = [];

    public Task AddAsync(ConsoleSession session, CancellationToken cancellationToken)
    {
        _sessions.Add(session);
        return Task.CompletedTask;
    }

    public Task<ConsoleSession?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.FirstOrDefault(s => s.Id == id));

    public Task TouchAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> EndAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<IReadOnlyList<ConsoleSession>> ListUnendedAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConsoleSession>>([.. _sessions.Where(s => s.Ended is null).Take(limit)]);
}

/// <summary>Credentials that hold unless named in <see cref="Gone"/>.</summary>
internal sealed class FakeSessionCredentials : ISessionCredentials
{
    public HashSet<string> Gone { get; } = [];

    public Task<bool> HoldAsync(string credentialStamp, CancellationToken cancellationToken) =>
        Task.FromResult(!Gone.Contains(credentialStamp));
}
