using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// The client's own cost, without a server or a socket: both sides read the same canned response from an in-memory
/// transport, so the difference is exactly what the SDK adds (Refit request building, the retry/timeout pipeline,
/// auth, logging checks, error mapping, envelope handling, rate-limit capture). Complements
/// <see cref="ClientOverheadBenchmarks"/>, whose figures are dominated by the server and the loopback network.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientOnlyBenchmarks
{
    internal const string WorkflowJson = """{"id":"wf_0123456789abcdef","name":"Workflow 1","description":"A workflow with a trigger and two actions","status":"active","channel":"email","trigger":{"type":"webhook","event":"user.created"},"actions":[{"id":"act_1","type":"send_email","config":{"to":"{{user.email}}","subject":"Welcome!"}},{"id":"act_2","type":"log","config":null}],"created_at":"2026-11-23T07:30:00.000Z","updated_at":"2026-11-23T07:30:00.000Z","activated_at":null,"deactivated_at":null,"execution_count":0,"success_rate":null}""";
    private BotCadenceClient _sdk = null!;
    private HttpClient _http = null!;
    private BotCadenceClient _sdkAsync = null!;
    private HttpClient _httpAsync = null!;
    private TelemetryListener? _listener;

    [GlobalSetup]
    public void Setup()
    {
        var body = Encoding.UTF8.GetBytes(WorkflowJson);
        _sdk = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_bench", BaseAddress = new Uri("http://bench.invalid/v1/") }, new CannedTransport(body));
        _http = new HttpClient(new CannedTransport(body)) { BaseAddress = new Uri("http://bench.invalid/v1/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_bench");
        _sdkAsync = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_bench", BaseAddress = new Uri("http://bench.invalid/v1/") }, new CannedTransport(body, yieldFirst: true));
        _httpAsync = new HttpClient(new CannedTransport(body, yieldFirst: true)) { BaseAddress = new Uri("http://bench.invalid/v1/") };
        _httpAsync.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_bench");
    }

    /// <summary>The same setup, plus a listener that records every SDK span and metric (see <see cref="TelemetryListener"/>).</summary>
    [GlobalSetup(Target = nameof(SdkGetWithListener))]
    public void SetupWithListener()
    {
        Setup();
        _listener = TelemetryListener.Attach();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _sdk.Dispose();
        _http.Dispose();
        _sdkAsync.Dispose();
        _httpAsync.Dispose();
    }

    [BenchmarkCategory("Get one workflow, in memory"), Benchmark(Baseline = true)]
    public async Task<string> HandWrittenGet() => (await _http.GetFromJsonAsync("workflows/wf_0123456789abcdef", HandWrittenJson.Default.HandWorkflow))!.Id;

    [BenchmarkCategory("Get one workflow, in memory"), Benchmark]
    public async Task<string> SdkGet() => (await _sdk.Workflows.GetAsync("wf_0123456789abcdef")).Id;

    /// <summary>The same call while a tracing and metrics listener is attached.</summary>
    [BenchmarkCategory("Get one workflow, in memory"), Benchmark]
    public async Task<string> SdkGetWithListener() => (await _sdk.Workflows.GetAsync("wf_0123456789abcdef")).Id;

    [BenchmarkCategory("Get one workflow, in memory, completing asynchronously"), Benchmark(Baseline = true)]
    public async Task<string> HandWrittenGetAsyncTransport() => (await _httpAsync.GetFromJsonAsync("workflows/wf_0123456789abcdef", HandWrittenJson.Default.HandWorkflow))!.Id;

    [BenchmarkCategory("Get one workflow, in memory, completing asynchronously"), Benchmark]
    public async Task<string> SdkGetAsyncTransport() => (await _sdkAsync.Workflows.GetAsync("wf_0123456789abcdef")).Id;
}
