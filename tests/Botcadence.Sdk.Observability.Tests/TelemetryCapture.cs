using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Botcadence.Sdk.Observability.Tests;

/// <summary>
/// The real OpenTelemetry SDK wired the way a user wires it: spans of the SDK and of HttpClient, the SDK's metrics, and
/// log lines, all exported to memory.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly TracerProvider _tracerProvider;
    private readonly MeterProvider _meterProvider;
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly LockedList<Activity> _spans = new();

    public TelemetryCapture()
    {
        _tracerProvider = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(BotCadenceDiagnostics.ActivitySourceName, "System.Net.Http")
            .AddInMemoryExporter(_spans)
            .Build();
        _meterProvider = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(BotCadenceDiagnostics.MeterName)
            .AddInMemoryExporter(_metrics)
            .Build();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(AddLogging);
    }

    /// <summary>A snapshot of the spans exported so far (a server's span may end on its own thread after the client got its response).</summary>
    public List<Activity> Spans => _spans.Snapshot();

    /// <summary>Every exported log line: message, attributes and exception, as text.</summary>
    public List<string> LogLines { get; } = [];

    public ILoggerFactory LoggerFactory { get; }

    public void AddLogging(ILoggingBuilder logging) =>
        logging.SetMinimumLevel(LogLevel.Trace).AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
            o.AddProcessor(new SimpleLogRecordExportProcessor(new LogLineExporter(LogLines)));
        });

    /// <summary>The SDK's operation spans with the given name.</summary>
    public List<Activity> Operations(string name) =>
        Spans.Where(s => s.Source.Name == BotCadenceDiagnostics.ActivitySourceName && s.DisplayName == name).ToList();

    /// <summary>HttpClient's attempt spans whose parent is <paramref name="operation"/>, in start order.</summary>
    public List<Activity> AttemptsOf(Activity operation) =>
        Spans.Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == operation.SpanId).OrderBy(s => s.StartTimeUtc).ToList();

    /// <summary>Waits (bounded) until <paramref name="count"/> SDK spans named <paramref name="name"/> were exported, and returns them.</summary>
    public async Task<List<Activity>> WaitForOperationsAsync(string name, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var spans = Operations(name);
            if (spans.Count >= count || DateTime.UtcNow > deadline)
            {
                return spans;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Collects now and returns the points of one metric, each with its tags.</summary>
    public List<(MetricPoint Point, Dictionary<string, object?> Tags)> Points(string metricName)
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _meterProvider.ForceFlush();
            var result = new List<(MetricPoint, Dictionary<string, object?>)>();
            foreach (var metric in _metrics.Where(m => m.Name == metricName))
            {
                foreach (var point in metric.MetricPoints)
                {
                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    result.Add((point, tags));
                }
            }

            return result;
        }
    }

    public MetricSnapshot? Metric(string metricName)
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _meterProvider.ForceFlush();
            return _metrics.FirstOrDefault(m => m.Name == metricName);
        }
    }

    /// <summary>Every string a backend would receive: span names, tags, events, statuses, metric names and tags, log lines.</summary>
    public List<string> EverythingExported()
    {
        var all = new List<string>();
        foreach (var span in Spans)
        {
            all.Add(span.DisplayName);
            all.Add(span.StatusDescription ?? string.Empty);
            all.AddRange(span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            all.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")));
            all.AddRange(span.Baggage.Select(b => $"{b.Key}={b.Value}"));
        }

        lock (_metrics)
        {
            _metrics.Clear();
            _meterProvider.ForceFlush();
            foreach (var metric in _metrics)
            {
                all.Add(metric.Name);
                foreach (var point in metric.MetricPoints)
                {
                    foreach (var tag in point.Tags)
                    {
                        all.Add($"{metric.Name}:{tag.Key}={tag.Value}");
                    }
                }
            }
        }

        lock (LogLines)
        {
            all.AddRange(LogLines);
        }

        return all;
    }

    public void Dispose()
    {
        LoggerFactory.Dispose();
        _tracerProvider.Dispose();
        _meterProvider.Dispose();
    }

    /// <summary>The in-memory exporter's collection, safe to read while another thread exports into it.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public List<T> Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class LogLineExporter(List<string> lines) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                var text = $"{record.CategoryName} {record.EventId} {record.FormattedMessage} " +
                           string.Join("; ", record.Attributes?.Select(a => $"{a.Key}={a.Value}") ?? []) + " " + record.Exception;
                lock (lines)
                {
                    lines.Add(text);
                }
            }

            return ExportResult.Success;
        }
    }
}
