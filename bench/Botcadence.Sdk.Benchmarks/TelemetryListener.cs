using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// A listener that wants everything the SDK reports (every span with all data, every instrument), and drops it: the
/// cost measured is the SDK's own, not an exporter's. HttpClient's own spans are not subscribed.
/// </summary>
internal sealed class TelemetryListener : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    private TelemetryListener()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotCadenceDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BotCadenceDiagnostics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<int>(static (_, _, _, _) => { });
        _meters.Start();
    }

    public static TelemetryListener Attach() => new();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
