using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Credentials;

namespace Sharekeep.Core.Tests;

public sealed class CredentialBrakeTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FailuresUpToTheLimit_DoNotBrake()
    {
        var brake = new CredentialBrake(_clock, 3);

        Assert.False(brake.Fail("net", out _));
        Assert.False(brake.Fail("net", out _));
        Assert.False(brake.Fail("net", out _));
        Assert.False(brake.IsBraked("net", out _));
    }

    [Fact]
    public void OneFailurePastTheLimit_BrakesUntilTheWindowEnds()
    {
        var brake = new CredentialBrake(_clock, 1);
        brake.Fail("net", out _);
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(brake.Fail("net", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        Assert.True(brake.IsBraked("net", out _));
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.False(brake.IsBraked("net", out _));
    }

    [Fact]
    public void Networks_AreCountedApart()
    {
        var brake = new CredentialBrake(_clock, 1);
        brake.Fail("a", out _);
        brake.Fail("a", out _);

        Assert.False(brake.IsBraked("b", out _));
    }

    [Fact]
    public void PastItsNetworkLimit_NewNetworksShareOneCount()
    {
        var brake = new CredentialBrake(_clock, 1);
        for (var i = 0; i < CredentialBrake.MaxNetworks; i++)
        {
            brake.Fail("net-" + i, out _);
        }

        Assert.False(brake.Fail("newcomer-1", out _));
        Assert.True(brake.Fail("newcomer-2", out _));
        Assert.True(brake.IsBraked("newcomer-3", out _));
        Assert.False(brake.IsBraked("net-1", out _));
    }

    [Fact]
    public void EndedWindows_MakeRoomForNewNetworks()
    {
        var brake = new CredentialBrake(_clock, 1);
        for (var i = 0; i < CredentialBrake.MaxNetworks; i++)
        {
            brake.Fail("net-" + i, out _);
        }
        _clock.Advance(CredentialBrake.Window);

        brake.Fail("newcomer-1", out _);

        Assert.False(brake.Fail("newcomer-2", out _));
    }
}
