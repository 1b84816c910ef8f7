using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests.Telemetry;

/// <summary>
/// In-process listeners for one host's telemetry, no exporter involved. Spans are kept only
/// when they belong to the trace this capture started (requests carry its <see cref="TraceParent"/>),
/// measurements only when they come from the host's own meter factory, so tests running in
/// parallel on other hosts do not leak in.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _meters;

    public TelemetryCapture(IServiceProvider services)
    {
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name is KnowledgeTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.TraceId == TraceId)
                {
                    Spans.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

    /// <summary>The W3C header that puts a request into this capture's trace.</summary>
    public string TraceParent => $"00-{TraceId}-{ActivitySpanId.CreateRandom()}-01";

    /// <summary>Spans of this trace, in the order they ended.</summary>
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    /// <summary>Asks the observable instruments (the knowledge gauges) for their values now.</summary>
    public void Observe() => _meters.RecordObservableInstruments();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToArray();

    public void Dispose()
    {
        _spans.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
