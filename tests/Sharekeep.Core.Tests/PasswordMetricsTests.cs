using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Telemetry;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

/// <summary>What the password guard tells an operator: tries by outcome, and the moments a limit is reached.</summary>
public sealed class PasswordMetricsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPasswordFailureStore _failures = new();
    private readonly SharekeepMetrics _metrics = new(null);
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, string Label)> _recorded = new();

    public PasswordMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _metrics.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            _recorded.Enqueue((instrument.Name, tags.Length > 0 ? $"{tags[0].Key}={tags[0].Value}" : "")));
        _listener.Start();
    }

    private static PasswordLimits Limits => new()
    {
        ConcurrentChecks = 4,
        QueuedChecks = 4,
        ChecksPerMinute = 60000,
        RefusalDelay = TimeSpan.Zero,
        LinkFailures = 3,
        ClientFailures = 10,
    };

    private int Count(string instrument, string label) => _recorded.Count(r => r.Instrument == instrument && r.Label == label);

    [Fact]
    public async Task Tries_AreCountedByOutcome()
    {
        using var guard = new PasswordGuard(Limits, _clock, _metrics);
        var link = Guid.NewGuid();

        await guard.CheckAsync(_failures, link, "10.0.0.1", () => false, CancellationToken.None);
        await guard.CheckAsync(_failures, link, "10.0.0.1", () => true, CancellationToken.None);

        Assert.Equal(1, Count("sharekeep.password.checks", "outcome=wrong"));
        Assert.Equal(1, Count("sharekeep.password.checks", "outcome=right"));
    }

    [Fact]
    public async Task TheFailureThatReachesALinksLimit_IsOneLockout_AndLaterRefusalsAreNotMore()
    {
        using var guard = new PasswordGuard(Limits, _clock, _metrics);
        var link = Guid.NewGuid();

        for (var i = 1; i <= 5; i++)
        {
            await guard.CheckAsync(_failures, link, $"10.0.0.{i}", () => false, CancellationToken.None);
        }

        Assert.Equal(1, Count("sharekeep.password.lockouts", "scope=link"));
        Assert.Equal(3, Count("sharekeep.password.checks", "outcome=wrong"));
        Assert.Equal(2, Count("sharekeep.password.checks", "outcome=locked"));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }
}
