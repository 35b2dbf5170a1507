using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Links;

namespace Sharekeep.Core.Tests;

public sealed class PasswordAttemptThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Guid _link = Guid.NewGuid();

    private void Fail(PasswordAttemptThrottle throttle, int times, string client = "10.0.0.1")
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Null(throttle.TryBegin(_link, client));
            throttle.Failed(_link, client);
        }
    }

    [Fact]
    public void FourFailures_LeaveTheFifthTryOpen()
    {
        var throttle = new PasswordAttemptThrottle(_clock);
        Fail(throttle, 4);

        Assert.Null(throttle.TryBegin(_link, "10.0.0.1"));
    }

    [Fact]
    public void FiveFailures_LockTheClientOutForSixtySeconds()
    {
        var throttle = new PasswordAttemptThrottle(_clock);
        Fail(throttle, 5);

        Assert.Equal(TimeSpan.FromSeconds(60), throttle.TryBegin(_link, "10.0.0.1"));
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.TryBegin(_link, "10.0.0.1"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(throttle.TryBegin(_link, "10.0.0.1"));
    }

    [Fact]
    public void FailuresOlderThanTheWindow_AreForgotten()
    {
        var throttle = new PasswordAttemptThrottle(_clock);
        Fail(throttle, 4);
        _clock.Advance(TimeSpan.FromSeconds(61));
        Fail(throttle, 4);

        Assert.Null(throttle.TryBegin(_link, "10.0.0.1"));
    }

    [Fact]
    public void Lockout_IsPerClient()
    {
        var throttle = new PasswordAttemptThrottle(_clock);
        Fail(throttle, 5, "10.0.0.1");

        Assert.Null(throttle.TryBegin(_link, "10.0.0.2"));
    }

    [Fact]
    public void Success_ClearsEarlierFailures()
    {
        var throttle = new PasswordAttemptThrottle(_clock);
        Fail(throttle, 4);
        Assert.Null(throttle.TryBegin(_link, "10.0.0.1"));
        throttle.Succeeded(_link, "10.0.0.1");

        Fail(throttle, 4);

        Assert.Null(throttle.TryBegin(_link, "10.0.0.1"));
    }

    [Fact]
    public void TriesInFlight_CountAgainstTheLimit()
    {
        var throttle = new PasswordAttemptThrottle(_clock);
        for (var i = 0; i < PasswordAttemptThrottle.MaxFailures; i++)
        {
            Assert.Null(throttle.TryBegin(_link, "10.0.0.1"));
        }

        Assert.NotNull(throttle.TryBegin(_link, "10.0.0.1"));
    }
}
