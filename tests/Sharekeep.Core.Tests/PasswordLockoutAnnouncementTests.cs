using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

/// <summary>Which wrong password the guard records as a link's lockout (the store announces it as link.locked).</summary>
public sealed class PasswordLockoutAnnouncementTests
{
    private static readonly PasswordLimits Limits = new()
    {
        LinkFailures = 3,
        ClientFailures = 100,
        NetworkFailures = 100,
        ConcurrentChecks = 4,
        QueuedChecks = 4,
        ChecksPerMinute = 60000,
        RefusalDelay = TimeSpan.Zero,
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPasswordFailureStore _failures = new();

    private Task<PasswordCheck> WrongAsync(PasswordGuard guard, Guid link, string network) =>
        guard.CheckAsync(_failures, link, network, () => false, CancellationToken.None);

    [Fact]
    public async Task OnlyTheWrongPasswordThatReachesTheLinkLimit_IsRecordedAsALockout()
    {
        using var guard = new PasswordGuard(Limits, _clock);
        var link = Guid.NewGuid();
        var first = _clock.GetUtcNow();

        for (var i = 0; i < 3; i++)
        {
            await WrongAsync(guard, link, $"198.51.100.{i}");
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
        var refused = await WrongAsync(guard, link, "198.51.100.9");

        Assert.Equal(PasswordVerdict.Locked, refused.Verdict);
        var lockout = Assert.Single(_failures.Lockouts);
        Assert.Equal(link, lockout.Failure.LinkId);
        Assert.Equal(3, lockout.Limit);
        // The oldest of the three ages out first: then the link takes tries again.
        Assert.Equal(first + Limits.LinkWindow, lockout.LockedUntil);
        Assert.Equal(3, _failures.Recorded);
    }

    [Fact]
    public async Task ANetworkReachingItsLimit_IsNoLinkLockout()
    {
        using var guard = new PasswordGuard(Limits with { NetworkFailures = 2 }, _clock);

        await WrongAsync(guard, Guid.NewGuid(), "198.51.100.1");
        await WrongAsync(guard, Guid.NewGuid(), "198.51.100.1");

        Assert.Empty(_failures.Lockouts);
    }
}
