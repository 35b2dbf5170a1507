using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Telemetry;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Every measurement of one server's own meter: exporters listen by meter name, so they also count the other
/// servers the suite runs at the same time; this listens to the one instance only.
/// </summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, string Tags, long Value)> _recorded = new();

    public RecordedMeasurements(SharekeepApplication app)
    {
        var meter = app.Services.GetRequiredService<SharekeepMetrics>().Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _recorded.Enqueue((instrument.Name, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")), value)));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with exactly these tags ("key=value,key=value").</summary>
    public long Sum(string instrument, string tags) => _recorded.Where(r => r.Instrument == instrument && r.Tags == tags).Sum(r => r.Value);

    public void Dispose() => _listener.Dispose();
}
