using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// Where the bytes of one in-memory get go (<c>--alloc-profile</c>): the same call as <see cref="ClientOnlyBenchmarks"/>
/// (SDK and hand-written, the same canned response), 200 000 times each after a warm-up, with the exact bytes per call
/// from <see cref="GC.GetTotalAllocatedBytes(bool)"/> and a breakdown by allocated type from the runtime's allocation
/// sampling event (<c>GCAllocationTick</c>: one event per ~100 KB allocated, naming the type that crossed the mark), so
/// the per-type figures are estimates and the total is exact.
/// </summary>
internal static class AllocationProfileRun
{
    private const int Calls = 200_000;

    public static bool IsSelected(string[] args) => args.Contains("--alloc-profile");

    public static async Task<int> RunAsync()
    {
        var body = Encoding.UTF8.GetBytes(ClientOnlyBenchmarks.WorkflowJson);
        var baseAddress = new Uri("http://bench.invalid/v1/");
        using var sdk = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_bench", BaseAddress = baseAddress }, new CannedTransport(body));
        using var http = new HttpClient(new CannedTransport(body)) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_bench");

        var hand = await ProfileAsync(async () => _ = (await http.GetFromJsonAsync("workflows/wf_0123456789abcdef", HandWrittenJson.Default.HandWorkflow))!.Id);
        var sdkProfile = await ProfileAsync(async () => _ = (await sdk.Workflows.GetAsync("wf_0123456789abcdef")).Id);

        Console.WriteLine(FormattableString.Invariant($"Get one workflow, in memory, {Calls} calls each: hand-written {hand.BytesPerCall:0} B/call, SDK {sdkProfile.BytesPerCall:0} B/call ({sdkProfile.BytesPerCall / hand.BytesPerCall:0.00}x)"));
        Console.WriteLine("| Allocated type (sampled) | Hand-written B/call | SDK B/call | SDK - hand |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var type in hand.ByType.Keys.Union(sdkProfile.ByType.Keys)
                     .OrderByDescending(t => Math.Abs(sdkProfile.ByType.GetValueOrDefault(t) - hand.ByType.GetValueOrDefault(t))).Take(30))
        {
            var h = hand.ByType.GetValueOrDefault(type);
            var s = sdkProfile.ByType.GetValueOrDefault(type);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {h:0} | {s:0} | {s - h:+0;-0;0} |"));
        }

        return 0;
    }

    private static async Task<(double BytesPerCall, Dictionary<string, double> ByType)> ProfileAsync(Func<Task> call)
    {
        for (var i = 0; i < 20_000; i++)
        {
            await call();
        }

        using var listener = new AllocationTickListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        var ticks = listener.Snapshot();
        var ticked = ticks.Values.Sum();
        // Each tick stands for the same share of the exact total.
        var byType = ticks.ToDictionary(t => t.Key, t => bytes * (double)t.Value / Math.Max(ticked, 1) / Calls);
        return (bytes / (double)Calls, byType);
    }

    /// <summary>Counts the runtime's allocation-sampling events by the type named in each.</summary>
    private sealed class AllocationTickListener : EventListener
    {
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
        private volatile bool _on = true;

        public Dictionary<string, long> Snapshot()
        {
            _on = false;
            lock (_counts)
            {
                return new Dictionary<string, long>(_counts, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick at Verbose
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!_on || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
            {
                return;
            }

            var index = eventData.PayloadNames.IndexOf("TypeName");
            if (index >= 0 && eventData.Payload?[index] is string type)
            {
                lock (_counts)
                {
                    _counts[type] = _counts.GetValueOrDefault(type) + 1;
                }
            }
        }
    }
}
