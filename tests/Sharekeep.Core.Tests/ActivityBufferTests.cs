using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Activity;

namespace Sharekeep.Core.Tests;

/// <summary>Counting in memory: what a flush takes, and the bounds a visitor without any secret cannot push past.</summary>
public sealed class ActivityBufferTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActivityLink Report = ActivityLink.Share("report-key");

    [Fact]
    public void Drain_TakesEveryCountOnceAndStartsAfresh()
    {
        var buffer = new ActivityBuffer(new ActivityLimits());
        buffer.Add(Report, Today, ActivityEvent.View, Noon, 1);
        buffer.Add(Report, Today, ActivityEvent.View, Noon.AddMinutes(5), 2);
        buffer.Add(Report, Today, ActivityEvent.Download, Noon.AddMinutes(-5), 1);
        buffer.Add(Report, Today, ActivityEvent.Preview, Noon.AddHours(5));

        var delta = Assert.Single(buffer.Drain().Deltas);

        Assert.Equal((2, 1, 1), (delta.Views, delta.Downloads, delta.Previews));
        Assert.Equal([1, 2], delta.Visitors);
        Assert.Equal(Noon.AddMinutes(-5), delta.FirstAccess);
        Assert.Equal(Noon.AddMinutes(5), delta.LastAccess);
        Assert.True(buffer.Drain().IsEmpty);
    }

    [Fact]
    public void APreviewAlone_HasNoFirstOrLastAccess()
    {
        var buffer = new ActivityBuffer(new ActivityLimits());
        buffer.Add(Report, Today, ActivityEvent.Preview, Noon);

        var delta = Assert.Single(buffer.Drain().Deltas);

        Assert.Null(delta.FirstAccess);
        Assert.Null(delta.LastAccess);
    }

    [Fact]
    public void Counts_AreKeptPerLinkAndDay()
    {
        var buffer = new ActivityBuffer(new ActivityLimits());
        buffer.Add(Report, Today, ActivityEvent.View, Noon);
        buffer.Add(Report, Today.AddDays(-1), ActivityEvent.View, Noon.AddDays(-1));
        buffer.Add(ActivityLink.File(Guid.NewGuid()), Today, ActivityEvent.View, Noon);

        Assert.Equal(3, buffer.Drain().Deltas.Count);
    }

    [Fact]
    public async Task ManyConcurrentWriters_LoseNoCountAcrossDrains()
    {
        var buffer = new ActivityBuffer(new ActivityLimits());
        long drained = 0;
        var stop = 0;
        var drainer = Task.Run(
            () =>
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    drained += buffer.Drain().Deltas.Sum(d => d.Views);
                }
            },
            TestContext.Current.CancellationToken);
        Parallel.For(0, 100_000, _ => buffer.Add(Report, Today, ActivityEvent.View, Noon));
        Volatile.Write(ref stop, 1);
        await drainer;
        drained += buffer.Drain().Deltas.Sum(d => d.Views);

        Assert.Equal(100_000, drained);
    }

    [Fact]
    public void LinkDaysBeyondTheBound_AreDroppedNotKept()
    {
        var buffer = new ActivityBuffer(new ActivityLimits { MaxPendingLinkDays = 10 });
        for (var i = 0; i < 1000; i++)
        {
            buffer.Add(ActivityLink.Share($"key-{i}"), Today, ActivityEvent.View, Noon);
        }

        Assert.Equal(10, buffer.Drain().Deltas.Count);
    }

    [Fact]
    public void VisitorsBeyondTheBufferBound_StillCountTheirViews()
    {
        var buffer = new ActivityBuffer(new ActivityLimits { MaxPendingVisitors = 50 });
        for (var i = 0; i < 10_000; i++)
        {
            buffer.Add(ActivityLink.Share($"key-{i % 10}"), Today, ActivityEvent.View, Noon, (UInt128)i);
        }

        var deltas = buffer.Drain().Deltas;

        Assert.Equal(50, deltas.Sum(d => d.Visitors.Count));
        Assert.Equal(10_000, deltas.Sum(d => d.Views));
    }

    [Fact]
    public void VisitorsOfOneLinkDay_AreBoundedByThePerDayLimit()
    {
        var buffer = new ActivityBuffer(new ActivityLimits { MaxVisitorsPerLinkDay = 25 });
        for (var i = 0; i < 10_000; i++)
        {
            buffer.Add(Report, Today, ActivityEvent.View, Noon, (UInt128)i);
        }

        Assert.Equal(25, Assert.Single(buffer.Drain().Deltas).Visitors.Count);
    }

    [Fact]
    public void AWrongPassword_ThatLocks_CountsAFailureAndALockout()
    {
        var clock = new FakeTimeProvider(Noon);
        var activity = new LinkActivity(new ActivityBuffer(new ActivityLimits()), clock);
        var link = ActivityLink.File(Guid.NewGuid());

        activity.PasswordFailed(link, lockedOut: false);
        activity.PasswordFailed(link, lockedOut: true);

        var delta = Assert.Single(activity.Buffer.Drain().Deltas);
        Assert.Equal((2, 1), (delta.PasswordFailures, delta.Lockouts));
        Assert.Equal(0, delta.Views);
    }

    [Fact]
    public void Visits_AreBucketedByTheirUtcDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 59, 59, TimeSpan.Zero));
        var activity = new LinkActivity(new ActivityBuffer(new ActivityLimits()), clock);
        activity.Visited(Report, ActivityEvent.View, new VisitRequest("GET", "Firefox"), "203.0.113.7");
        clock.Advance(TimeSpan.FromSeconds(2));
        activity.Visited(Report, ActivityEvent.View, new VisitRequest("GET", "Firefox"), "203.0.113.7");

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)], activity.Buffer.Drain().Deltas.Select(d => d.Day));
    }

    [Fact]
    public void APreviewRequest_CountsAsAPreviewNeverAView()
    {
        var activity = new LinkActivity(new ActivityBuffer(new ActivityLimits()), new FakeTimeProvider(Noon));

        activity.Visited(Report, ActivityEvent.View, new VisitRequest("GET", "Slackbot-LinkExpanding 1.0"), "203.0.113.7");
        activity.Visited(Report, ActivityEvent.Download, new VisitRequest("HEAD", "Firefox"), "203.0.113.7");

        var delta = Assert.Single(activity.Buffer.Drain().Deltas);
        Assert.Equal((0, 0, 2), (delta.Views, delta.Downloads, delta.Previews));
        Assert.Empty(delta.Visitors);
    }

    [Fact]
    public void WhenOff_NothingIsCounted()
    {
        var activity = new LinkActivity(new ActivityBuffer(new ActivityLimits()), new FakeTimeProvider(Noon), enabled: false);

        activity.Visited(Report, ActivityEvent.View, new VisitRequest("GET", "Firefox"), "203.0.113.7");
        activity.PasswordFailed(Report, lockedOut: true);

        Assert.True(activity.Buffer.Drain().IsEmpty);
    }

    [Fact]
    public void AVisitorOnceWritten_IsNotOfferedAgainThatDay_ButTheViewCounts()
    {
        var buffer = new ActivityBuffer(new ActivityLimits());
        buffer.Add(Report, Today, ActivityEvent.View, Noon, 1);
        buffer.Committed(buffer.Drain(), Today);

        buffer.Add(Report, Today, ActivityEvent.View, Noon, 1);
        buffer.Add(Report, Today, ActivityEvent.View, Noon, 2);

        var delta = Assert.Single(buffer.Drain().Deltas);
        Assert.Equal(2, delta.Views);
        Assert.Equal([2], delta.Visitors);
    }

    [Fact]
    public void AWrittenVisitor_IsStillOfferedForAnotherLinkOrDay()
    {
        var other = ActivityLink.Share("other-key");
        var buffer = new ActivityBuffer(new ActivityLimits());
        buffer.Add(Report, Today, ActivityEvent.View, Noon, 1);
        buffer.Committed(buffer.Drain(), Today);

        buffer.Add(other, Today, ActivityEvent.View, Noon, 1);
        buffer.Add(Report, Today.AddDays(1), ActivityEvent.View, Noon.AddDays(1), 1);

        Assert.All(buffer.Drain().Deltas, d => Assert.Equal([1], d.Visitors));
    }

    [Fact]
    public void VisitorsOfADayThatEnded_AreForgottenAtTheNextCommit()
    {
        var buffer = new ActivityBuffer(new ActivityLimits());
        buffer.Add(Report, Today, ActivityEvent.View, Noon, 1);
        buffer.Committed(buffer.Drain(), Today);
        buffer.Committed(new ActivityBatch([]), Today.AddDays(1));

        buffer.Add(Report, Today, ActivityEvent.View, Noon, 1);

        Assert.Equal([1], Assert.Single(buffer.Drain().Deltas).Visitors);
    }

    [Fact]
    public void ALinkUsedInACommittedBatch_IsMarkedAsHavingItsFirstUseStored()
    {
        var previewed = ActivityLink.Share("previewed-key");
        var buffer = new ActivityBuffer(new ActivityLimits());
        buffer.Add(Report, Today, ActivityEvent.View, Noon);
        buffer.Add(previewed, Today, ActivityEvent.Preview, Noon);
        var first = buffer.Drain();
        Assert.All(first.Deltas, d => Assert.False(d.FirstUseStored));
        buffer.Committed(first, Today);

        buffer.Add(Report, Today, ActivityEvent.View, Noon);
        buffer.Add(previewed, Today, ActivityEvent.View, Noon);

        var marked = buffer.Drain().Deltas.ToDictionary(d => d.Link, d => d.FirstUseStored);
        Assert.True(marked[Report]);
        Assert.False(marked[previewed]);
    }

    [Fact]
    public void TheMemoryOfWhatWasWritten_NeverHoldsMoreThanItsBounds()
    {
        var written = new WrittenActivity(maxVisitors: 10, maxLinks: 5);
        var links = Enumerable.Range(0, 25).Select(i => ActivityLink.Share($"key-{i}")).ToList();

        written.Committed(new ActivityBatch([.. links.Select(l => new ActivityDelta(l, Today, 1, 0, 0, 0, 0, Noon, Noon, [1]))]), Today);

        Assert.InRange(links.Count(l => written.HasVisitor(l, Today, 1)), 1, 10);
        Assert.InRange(links.Count(written.HasFirstUse), 1, 5);
    }
}
