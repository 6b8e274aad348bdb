using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// Paging at scale: 100 000 items as 1 000 cursor-style pages of 100 (<c>DataSources.ListRecordsAsync</c>), enumerated
/// with <c>await foreach</c>, against a hand-written loop over the same pages (<c>HttpClient.GetFromJsonAsync</c> with
/// source-generated records, following <c>next_cursor</c>). Both read the same canned pages from an in-memory transport.
/// </summary>
[MemoryDiagnoser]
public class PagingBenchmarks
{
    internal const int Pages = 1000;
    internal const int PageSize = 100;
    internal const string DataSourceId = "ds_0123456789abcdef";

    private BotCadenceClient _sdk = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pages = CannedPages.Build(Pages, PageSize);
        _sdk = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_bench", BaseAddress = new Uri("http://bench.invalid/v1/") }, new CannedPages(pages));
        _http = new HttpClient(new CannedPages(pages)) { BaseAddress = new Uri("http://bench.invalid/v1/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_bench");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Hand-written loop, 100 000 items")]
    public Task<long> HandWritten() => HandWrittenLoopAsync(_http, CancellationToken.None);

    [Benchmark(Description = "SDK await foreach, 100 000 items")]
    public async Task<long> Sdk()
    {
        long count = 0;
        await foreach (var record in _sdk.DataSources.ListRecordsAsync(DataSourceId, new DataSourceRecordListOptions { PageSize = PageSize }))
        {
            count += record.Id.Length;
        }

        return count;
    }

    [Benchmark(Description = "SDK await foreach with PrefetchNextPage, 100 000 items")]
    public async Task<long> SdkPrefetch()
    {
        long count = 0;
        await foreach (var record in _sdk.DataSources.ListRecordsAsync(DataSourceId, new DataSourceRecordListOptions { PageSize = PageSize, PrefetchNextPage = true }))
        {
            count += record.Id.Length;
        }

        return count;
    }

    internal static async Task<long> HandWrittenLoopAsync(HttpClient http, CancellationToken cancellationToken, Func<ValueTask>? perPage = null)
    {
        long count = 0;
        string? cursor = null;
        do
        {
            var url = $"data-sources/{DataSourceId}/records?limit={PageSize}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = (await http.GetFromJsonAsync(url, HandPagingJson.Default.HandRecordPage, cancellationToken))!;
            foreach (var record in page.Data)
            {
                count += record.Id.Length;
            }

            if (perPage is not null)
            {
                await perPage();
            }

            cursor = page.HasMore ? page.NextCursor : null;
        }
        while (cursor is not null);
        return count;
    }
}

/// <summary>
/// Numbers that are not BenchmarkDotNet jobs (run with <c>--paging-scale</c>): the live heap while enumerating 100 000
/// items, and what <c>PrefetchNextPage</c> gains when every page takes 5 ms to arrive.
/// </summary>
internal static class PagingScaleRun
{
    public static bool IsSelected(string[] args) => args.Contains("--paging-scale");

    public static async Task<int> RunAsync()
    {
        var pages = CannedPages.Build(PagingBenchmarks.Pages, PagingBenchmarks.PageSize);
        await MeasureLiveItemsAsync(pages);
        await MeasurePrefetchAsync(pages);
        return 0;
    }

    /// <summary>
    /// Samples <c>GC.GetTotalMemory(true)</c> (a full collection: only what is reachable counts) at every 10th page of the
    /// enumeration, and compares the highest sample with the heap before enumerating and with one page's items.
    /// </summary>
    private static async Task MeasureLiveItemsAsync(byte[][] pages)
    {
        using var sdk = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_bench", BaseAddress = new Uri("http://bench.invalid/v1/") }, new CannedPages(pages));

        // One page's items, held: the unit of the target (measured after a warm-up, so one-time initialisation is not counted).
        long onePage = 0;
        for (var warm = 0; warm < 2; warm++)
        {
            var onePageBefore = GC.GetTotalMemory(true);
            var held = new List<DataSourceRecord>(PagingBenchmarks.PageSize);
            await foreach (var record in sdk.DataSources.ListRecordsAsync(PagingBenchmarks.DataSourceId, new DataSourceRecordListOptions { PageSize = PagingBenchmarks.PageSize }))
            {
                held.Add(record);
                if (held.Count == PagingBenchmarks.PageSize)
                {
                    break;
                }
            }

            onePage = GC.GetTotalMemory(true) - onePageBefore;
            GC.KeepAlive(held);
        }

        foreach (var prefetch in new[] { false, true })
        {
            var baseline = GC.GetTotalMemory(true);
            long max = 0;
            long items = 0;
            var samples = 0;
            await foreach (var record in sdk.DataSources.ListRecordsAsync(PagingBenchmarks.DataSourceId, new DataSourceRecordListOptions { PageSize = PagingBenchmarks.PageSize, PrefetchNextPage = prefetch }))
            {
                if (items++ % (10 * PagingBenchmarks.PageSize) == 50)
                {
                    max = Math.Max(max, GC.GetTotalMemory(true) - baseline);
                    samples++;
                }

                GC.KeepAlive(record);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"live-heap prefetch={prefetch}: items={items}, samples={samples} (mid-page, every 10th page), one page of items={onePage / 1024.0:0.0} KiB, max growth while enumerating={max / 1024.0:0.0} KiB = {(double)max / onePage:0.00} pages' worth"));
        }
    }

    /// <summary>100 pages, each taking 5 ms to arrive; the consumer spends 0 or 5 ms per page.</summary>
    private static async Task MeasurePrefetchAsync(byte[][] pages)
    {
        _ = pages;
        var slow = CannedPages.Build(100, PagingBenchmarks.PageSize);
        using var sdk = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_bench", BaseAddress = new Uri("http://bench.invalid/v1/") }, new CannedPages(slow, TimeSpan.FromMilliseconds(5)));
        using var http = new HttpClient(new CannedPages(slow, TimeSpan.FromMilliseconds(5))) { BaseAddress = new Uri("http://bench.invalid/v1/") };
        foreach (var work in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(5) })
        {
            var results = new Dictionary<string, List<double>> { ["hand-written"] = [], ["sdk"] = [], ["sdk+prefetch"] = [] };
            for (var round = 0; round < 6; round++)
            {
                var clock = Stopwatch.StartNew();
                await PagingBenchmarks.HandWrittenLoopAsync(http, CancellationToken.None, () => WorkAsync(work));
                results["hand-written"].Add(clock.Elapsed.TotalMilliseconds);
                foreach (var prefetch in new[] { false, true })
                {
                    clock.Restart();
                    await foreach (var page in sdk.DataSources.ListRecordsAsync(PagingBenchmarks.DataSourceId, new DataSourceRecordListOptions { PageSize = PagingBenchmarks.PageSize, PrefetchNextPage = prefetch }).AsPages())
                    {
                        await WorkAsync(work);
                    }

                    results[prefetch ? "sdk+prefetch" : "sdk"].Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            foreach (var (name, times) in results)
            {
                var median = times.Skip(1).Order().ElementAt((times.Count - 1) / 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"prefetch 100 pages, 5 ms per page on the server, consumer {work.TotalMilliseconds} ms per page: {name} median {median:0} ms (rounds 2-6: {string.Join(", ", times.Skip(1).Select(t => t.ToString("0", CultureInfo.InvariantCulture)))})"));
            }
        }
    }

    /// <summary>The consumer's work on a page: CPU-bound, so it is not hidden behind a timer.</summary>
    private static ValueTask WorkAsync(TimeSpan work)
    {
        if (work > TimeSpan.Zero)
        {
            var until = Stopwatch.GetTimestamp() + (long)(work.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(20);
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Canned cursor-style pages of data-source records: cursor <c>c{n}</c> is page n; optionally each takes a delay.</summary>
internal sealed class CannedPages(byte[][] pages, TimeSpan delay = default) : HttpMessageHandler
{
    public static byte[][] Build(int count, int size)
    {
        var result = new byte[count][];
        var sb = new StringBuilder();
        for (var p = 0; p < count; p++)
        {
            sb.Clear().Append("{\"data\":[");
            for (var i = 0; i < size; i++)
            {
                var n = (p * size) + i;
                sb.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"{{\"id\":\"rec_{n:D12}\",\"data_source_id\":\"{PagingBenchmarks.DataSourceId}\",\"values\":{{\"title\":\"Book {n}\",\"pages\":{100 + (n % 400)},\"available\":true}},\"created_at\":\"2026-11-23T07:30:00.000Z\",\"updated_at\":\"2026-11-23T07:30:00.000Z\"}}");
            }

            var last = p == count - 1;
            sb.Append("],\"next_cursor\":").Append(last ? "null" : $"\"c{p + 1}\"").Append(",\"has_more\":").Append(last ? "false" : "true").Append('}');
            result[p] = Encoding.UTF8.GetBytes(sb.ToString());
        }

        return result;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }
        else
        {
            await Task.Yield();
        }

        var query = request.RequestUri!.Query;
        var at = query.IndexOf("cursor=c", StringComparison.Ordinal);
        var index = 0;
        if (at >= 0)
        {
            var end = query.IndexOf('&', at);
            index = int.Parse(query.AsSpan(at + 8, (end < 0 ? query.Length : end) - at - 8), CultureInfo.InvariantCulture);
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(pages[index]) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        response.Headers.TryAddWithoutValidation("X-Request-Id", "req_0123456789abcdef01234567");
        return response;
    }
}

internal sealed record HandRecord(string Id, string DataSourceId, JsonElement Values, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record HandRecordPage(List<HandRecord> Data, string? NextCursor, bool HasMore);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HandRecordPage))]
internal sealed partial class HandPagingJson : JsonSerializerContext;
