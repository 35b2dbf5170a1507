using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Sessions;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class ConsoleSessionTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConsoleSession Session = new(Guid.NewGuid(), "stamp", SignedIn, SignedIn, null, null, null);

    [Fact]
    public void AFreshSession_IsOpen()
    {
        Assert.True(Session.IsOpenAt(SignedIn.AddMinutes(5)));
    }

    [Fact]
    public void AnEndedSession_IsOver()
    {
        Assert.False((Session with { Ended = SignedIn.AddMinutes(1) }).IsOpenAt(SignedIn.AddMinutes(5)));
    }

    [Fact]
    public void ASessionIdleForItsTimeout_IsOver()
    {
        Assert.False(Session.IsOpenAt(SignedIn + ConsoleSessionRules.IdleTimeout));
    }

    [Fact]
    public void ABusySession_IsOverAtItsLifetime()
    {
        var now = SignedIn + ConsoleSessionRules.Lifetime;

        Assert.False((Session with { LastSeen = now.AddMinutes(-1) }).IsOpenAt(now));
    }
}

public sealed class ConsoleSessionServiceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeSessionCredentials _credentials = new();
    private readonly ConsoleSessionService _sessions;

    public ConsoleSessionServiceTests() => _sessions = new ConsoleSessionService(new InMemoryConsoleSessionStore(), _credentials, new AuditLog(new InMemoryAuditStore(), _clock), _clock);

    [Fact]
    public async Task ASessionWhoseCredentialStillHolds_IsOpen()
    {
        var session = await _sessions.StartAsync("key:1", "key:1", null, null, CancellationToken.None);

        Assert.True(await _sessions.CheckAsync(session.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ASessionWhoseCredentialIsGone_IsOverAndNotListed()
    {
        var session = await _sessions.StartAsync("key:1", "key:1", null, null, CancellationToken.None);
        _credentials.Gone.Add("key:1");

        Assert.False(await _sessions.CheckAsync(session.Id, CancellationToken.None));
        Assert.Empty(await _sessions.ListOpenAsync(CancellationToken.None));
    }
}
