using Sharekeep.Core.Sessions;

namespace Sharekeep.Core.Tests;

public sealed class ConsoleSessionTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConsoleSession Session = new(Guid.NewGuid(), "stamp", SignedIn, SignedIn, null, null, null);

    [Fact]
    public void AFreshSession_IsOpen()
    {
        Assert.True(Session.IsOpenAt(SignedIn.AddMinutes(5), "stamp"));
    }

    [Fact]
    public void AnEndedSession_IsOver()
    {
        Assert.False((Session with { Ended = SignedIn.AddMinutes(1) }).IsOpenAt(SignedIn.AddMinutes(5), "stamp"));
    }

    [Fact]
    public void ASessionOfAnotherCredential_IsOver()
    {
        Assert.False(Session.IsOpenAt(SignedIn.AddMinutes(5), "rotated"));
    }

    [Fact]
    public void ASessionIdleForItsTimeout_IsOver()
    {
        Assert.False(Session.IsOpenAt(SignedIn + ConsoleSessionRules.IdleTimeout, "stamp"));
    }

    [Fact]
    public void ABusySession_IsOverAtItsLifetime()
    {
        var now = SignedIn + ConsoleSessionRules.Lifetime;

        Assert.False((Session with { LastSeen = now.AddMinutes(-1) }).IsOpenAt(now, "stamp"));
    }
}
