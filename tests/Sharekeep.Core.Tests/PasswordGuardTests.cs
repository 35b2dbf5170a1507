using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class PasswordGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPasswordFailureStore _failures = new();
    private int _checked;

    private static PasswordLimits Roomy => new() { ConcurrentChecks = 64, QueuedChecks = 64, ChecksPerMinute = 60000, RefusalDelay = TimeSpan.Zero };

    private bool Wrong()
    {
        Interlocked.Increment(ref _checked);
        return false;
    }

    private bool Right()
    {
        Interlocked.Increment(ref _checked);
        return true;
    }

    /// <summary>A check that holds its core until <paramref name="release"/> is set.</summary>
    private Func<bool> SlowCheck(ManualResetEventSlim release, bool result) => () =>
    {
        Interlocked.Increment(ref _checked);
        release.Wait(TimeSpan.FromSeconds(30));
        return result;
    };

    private Task<PasswordCheck> TryAsync(PasswordGuard guard, Guid link, string network, Func<bool> verify) =>
        guard.CheckAsync(_failures, link, network, verify, CancellationToken.None);

    [Fact]
    public async Task TheWrongPasswordThatReachesALimit_IsTheOneMarkedAsLockingOut()
    {
        using var guard = new PasswordGuard(Roomy with { LinkFailures = 3, ClientFailures = 100, NetworkFailures = 100 }, _clock);
        var link = Guid.NewGuid();

        var tries = new List<PasswordCheck>();
        for (var i = 0; i < 3; i++)
        {
            tries.Add(await TryAsync(guard, link, $"198.51.100.{i}", Wrong));
        }

        Assert.Equal([false, false, true], tries.Select(t => t.LockedOut));
        Assert.All(tries, t => Assert.Equal(PasswordVerdict.Wrong, t.Verdict));
    }

    [Fact]
    public async Task Check_RunsOutsideTheThreadPool_SoALongHashStarvesNoRequest()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        bool? onPool = null;

        await Task.Run(() => TryAsync(guard, Guid.NewGuid(), "10.0.0.1", () => (onPool = Thread.CurrentThread.IsThreadPoolThread) is false), TestContext.Current.CancellationToken);

        Assert.False(onPool);
    }

    [Fact]
    public async Task Check_OnLinux_RunsAtALowerSchedulingPriority_AndOnlyItsOwnThreadDoes()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Thread priorities are lowered on Linux only.");
        using var guard = new PasswordGuard(Roomy, _clock);
        var nice = 0;

        await TryAsync(guard, Guid.NewGuid(), "10.0.0.1", () =>
        {
            nice = NiceOfThisThread();
            return true;
        });

        Assert.Equal(10, nice);
        Assert.Equal(0, await Task.Run(NiceOfThisThread, TestContext.Current.CancellationToken));
    }

    /// <summary>Field 19 of /proc/thread-self/stat (after the command name in parentheses): the thread's nice value.</summary>
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Try_WhileWrongPasswordsAreRecordedForAnotherLink_IsCheckedNotBusy()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        var attacked = Guid.NewGuid();
        var reading = false;
        // Every time the visitor's counts are read, a guess on another link from another network is recorded.
        _failures.WhileReading = async () =>
        {
            if (!reading)
            {
                reading = true;
                await TryAsync(guard, attacked, "10.9.9.9", Wrong);
                reading = false;
            }
        };

        // A link and network in other stripes than the attacked ones (string hashes differ per process): sharing one
        // only costs a re-read, and this test records a failure on every read.
        var link = Guid.NewGuid();
        while (PasswordGuard.Stripe(link) == PasswordGuard.Stripe(attacked))
        {
            link = Guid.NewGuid();
        }
        var network = Enumerable.Range(1, 200).Select(i => $"10.0.0.{i}").First(n => PasswordGuard.Stripe(n) != PasswordGuard.Stripe("10.9.9.9"));

        var visitor = await TryAsync(guard, link, network, Right);

        Assert.Equal(PasswordVerdict.Right, visitor.Verdict);
    }

    [Fact]
    public async Task WrongPasswords_LockTheLinkAtTheLimit_AndLaterTriesAreNotChecked()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        var link = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(PasswordVerdict.Wrong, (await TryAsync(guard, link, "10.0.0.1", Wrong)).Verdict);
        }

        var locked = await TryAsync(guard, link, "10.0.0.1", Right);

        Assert.Equal(PasswordVerdict.Locked, locked.Verdict);
        Assert.Equal(5, _checked);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.RetryAfter);
    }

    [Fact]
    public async Task WrongPasswords_FromManyNetworks_CountTogetherForTheLink()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        var link = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(guard, link, $"10.0.0.{i}", Wrong);
        }

        var fromAnotherNetwork = await TryAsync(guard, link, "192.0.2.7", Right);

        Assert.Equal(PasswordVerdict.Locked, fromAnotherNetwork.Verdict);
        Assert.Equal(5, _checked);
    }

    [Fact]
    public async Task LockedLink_TakesTriesAgain_OnceItsOldestFailureLeavesTheWindow()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        var link = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(guard, link, $"10.0.0.{i}", Wrong);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(PasswordVerdict.Locked, (await TryAsync(guard, link, "10.0.0.9", Right)).Verdict);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(PasswordVerdict.Right, (await TryAsync(guard, link, "10.0.0.9", Right)).Verdict);
    }

    [Fact]
    public async Task LockedLink_LeavesOtherLinksOpenToTries()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        var attacked = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(guard, attacked, $"10.0.0.{i}", Wrong);
        }

        var other = await TryAsync(guard, Guid.NewGuid(), "192.0.2.7", Right);

        Assert.Equal(PasswordVerdict.Right, other.Verdict);
    }

    [Fact]
    public async Task OneNetwork_GuessingAcrossLinks_StopsAtItsAllowance_WhileOtherNetworksAreChecked()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(PasswordVerdict.Wrong, (await TryAsync(guard, Guid.NewGuid(), "2001:db8:1:2::/64", Wrong)).Verdict);
        }
        var next = Guid.NewGuid();

        var fromThatNetwork = await TryAsync(guard, next, "2001:db8:1:2::/64", Right);
        var fromAnother = await TryAsync(guard, next, "2001:db8:9:9::/64", Right);

        Assert.Equal(PasswordVerdict.Locked, fromThatNetwork.Verdict);
        Assert.Equal(PasswordVerdict.Right, fromAnother.Verdict);
        Assert.Equal(21, _checked);
    }

    [Fact]
    public async Task ClientLimit_PausesOneNetworkOnALink_ForItsShortWindow_WhileOthersMayTry()
    {
        using var guard = new PasswordGuard(Roomy with { LinkFailures = 10, ClientFailures = 3 }, _clock);
        var link = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await TryAsync(guard, link, "10.0.0.1", Wrong);
        }

        var paused = await TryAsync(guard, link, "10.0.0.1", Right);
        var other = await TryAsync(guard, link, "10.0.0.2", Right);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var later = await TryAsync(guard, link, "10.0.0.1", Right);

        Assert.Equal(PasswordVerdict.Locked, paused.Verdict);
        Assert.Equal(TimeSpan.FromMinutes(1), paused.RetryAfter);
        Assert.Equal(PasswordVerdict.Right, other.Verdict);
        Assert.Equal(PasswordVerdict.Right, later.Verdict);
    }

    [Fact]
    public async Task RightPassword_WritesNothing()
    {
        using var guard = new PasswordGuard(Roomy, _clock);

        await TryAsync(guard, Guid.NewGuid(), "10.0.0.1", Right);

        Assert.Equal(0, _failures.Recorded);
    }

    [Fact]
    public async Task ParallelTries_OnOneLink_AreCheckedNoMoreThanItsLimit()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        var link = Guid.NewGuid();
        using var release = new ManualResetEventSlim();
        var slow = SlowCheck(release, false);

        var tries = Enumerable.Range(0, 20).Select(i => Task.Run(() => TryAsync(guard, link, $"10.0.{i}.1", slow))).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref _checked) == 5 && tries.Count(t => t.IsCompleted) == 15);
        release.Set();
        var verdicts = (await Task.WhenAll(tries)).Select(t => t.Verdict).ToList();

        Assert.Equal(5, _checked);
        Assert.Equal(5, verdicts.Count(v => v == PasswordVerdict.Wrong));
        // Refused while the five were in flight: busy, not locked (nothing was recorded yet).
        Assert.Equal(15, verdicts.Count(v => v == PasswordVerdict.Busy));
    }

    [Fact]
    public async Task WhenEveryCheckAndQueuePlaceIsTaken_ATryIsRefusedAtOnce_WithoutBeingChecked()
    {
        using var guard = new PasswordGuard(Roomy with { ConcurrentChecks = 1, QueuedChecks = 1 }, _clock);
        using var release = new ManualResetEventSlim();
        var slow = SlowCheck(release, true);
        var running = Task.Run(() => TryAsync(guard, Guid.NewGuid(), "10.0.0.1", slow));
        await WaitUntilAsync(() => Volatile.Read(ref _checked) == 1);
        var queued = Task.Run(() => TryAsync(guard, Guid.NewGuid(), "10.0.0.2", slow));
        await WaitUntilAsync(() => guard.QueuedForCheck == 1);

        var refused = await TryAsync(guard, Guid.NewGuid(), "10.0.0.3", Right);
        release.Set();

        Assert.Equal(PasswordVerdict.Busy, refused.Verdict);
        Assert.Equal(PasswordGuard.BusyRetryAfter, refused.RetryAfter);
        Assert.Equal(PasswordVerdict.Right, (await running).Verdict);
        Assert.Equal(PasswordVerdict.Right, (await queued).Verdict);
        Assert.Equal(2, _checked);
    }

    [Fact]
    public async Task ChecksPerMinute_BoundsHowManyHashesStart_AndLaterTriesAreCheckedAgain()
    {
        using var guard = new PasswordGuard(Roomy with { ChecksPerMinute = 60, QueuedChecks = 0 }, _clock);

        var verdicts = new List<PasswordVerdict>();
        for (var i = 0; i < 10; i++)
        {
            verdicts.Add((await TryAsync(guard, Guid.NewGuid(), $"10.0.0.{i}", Right)).Verdict);
        }

        // One a second: only a loop stalled for seconds could see more than a few of the ten checked.
        Assert.Contains(PasswordVerdict.Busy, verdicts);
        Assert.True(_checked <= 6, $"{_checked} of 10 tries were checked.");
        var before = _checked;
        await WaitUntilAsync(() => TryAsync(guard, Guid.NewGuid(), "10.0.1.1", Right).Result.Verdict == PasswordVerdict.Right);
        Assert.Equal(before + 1, _checked);
    }

    [Fact]
    public async Task QueuedTry_IsRefused_WhenItWaitsLongerThanTheQueueBound()
    {
        using var guard = new PasswordGuard(Roomy with { ConcurrentChecks = 1, QueuedChecks = 4 }, _clock);
        using var release = new ManualResetEventSlim();
        var slow = SlowCheck(release, true);
        var running = Task.Run(() => TryAsync(guard, Guid.NewGuid(), "10.0.0.1", slow));
        await WaitUntilAsync(() => Volatile.Read(ref _checked) == 1);
        var waiting = TryAsync(guard, Guid.NewGuid(), "10.0.0.2", Right);
        await WaitUntilAsync(() => guard.QueuedForCheck == 1);

        _clock.Advance(PasswordGuard.MaxQueueWait);
        var refused = await waiting;
        release.Set();

        Assert.Equal(PasswordVerdict.Busy, refused.Verdict);
        Assert.Equal(PasswordVerdict.Right, (await running).Verdict);
        Assert.Equal(1, _checked);
    }

    [Fact]
    public async Task Refusal_IsHeldBack_UntilTheVisitorGoes_AndBeyondTheHeldLimitAnsweredAtOnce()
    {
        using var guard = new PasswordGuard(Roomy with { RefusalDelay = TimeSpan.FromMinutes(10), MaxDelayedRefusals = 1 }, _clock);
        var link = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(guard, link, "10.0.0.1", Wrong);
        }
        using var visitorGoes = new CancellationTokenSource();

        var held = guard.CheckAsync(_failures, link, "10.0.0.2", Right, visitorGoes.Token);
        var atOnce = await TryAsync(guard, link, "10.0.0.3", Right);
        Assert.False(held.IsCompleted);
        await visitorGoes.CancelAsync();

        Assert.Equal(PasswordVerdict.Locked, atOnce.Verdict);
        Assert.Equal(PasswordVerdict.Locked, (await held).Verdict);
        Assert.Equal(5, _checked);
    }

    [Fact]
    public async Task LockedUntil_IsWhenTheOldestCountedFailureLeavesTheWindow()
    {
        using var guard = new PasswordGuard(Roomy, _clock);
        var link = Guid.NewGuid();
        var first = _clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(guard, link, "10.0.0.1", Wrong);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var recent = await _failures.RecentForLinkAsync(link, first - TimeSpan.FromMinutes(15), 5, CancellationToken.None);

        Assert.Equal(first + TimeSpan.FromMinutes(15), guard.LockedUntil(recent));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
