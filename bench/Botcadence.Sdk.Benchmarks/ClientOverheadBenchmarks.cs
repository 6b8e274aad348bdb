using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Botcadence.ReferenceServer;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// The SDK against a hand-written HttpClient + System.Text.Json call to the same in-process reference server, in the
/// same run. Targets: SDK time at most 1.10× and allocated bytes at most 1.5× the hand-written call.
/// Allocation figures include the server's own work (it runs in this process), which is the same for both sides.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientOverheadBenchmarks
{
    private ReferenceServer.ReferenceServer _server = null!;
    private BotCadenceClient _sdk = null!;
    private HttpClient _http = null!;
    private string _workflowId = null!;
    private TelemetryListener? _listener;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { EnterpriseRateLimitPerMinute = int.MaxValue });
        _sdk = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = _server.ApiKey, BaseAddress = _server.BaseAddress });
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = _server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.ApiKey);
        for (var i = 0; i < 100; i++)
        {
            var created = await _sdk.Workflows.CreateAsync(new WorkflowCreateOptions
            {
                Name = $"Workflow {i}", Description = "A workflow with a trigger and two actions", Channel = "email",
                Trigger = new WorkflowTriggerOptions { Type = "webhook", Event = "user.created" },
                Actions =
                [
                    new WorkflowActionOptions { Type = "send_email", Config = JsonSerializer.SerializeToElement(new JsonObject { ["to"] = "{{user.email}}", ["subject"] = "Welcome!" }) },
                    new WorkflowActionOptions { Type = "log" },
                ],
            });
            _workflowId = created.Id;
        }
    }

    /// <summary>The same setup, plus a listener that records every SDK span and metric (see <see cref="TelemetryListener"/>).</summary>
    [GlobalSetup(Target = nameof(SdkGetWithListener))]
    public async Task SetupWithListenerAsync()
    {
        await SetupAsync();
        _listener = TelemetryListener.Attach();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _listener?.Dispose();
        _sdk.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [BenchmarkCategory("Get one workflow"), Benchmark(Baseline = true)]
    public async Task<string> HandWrittenGet()
    {
        var workflow = await _http.GetFromJsonAsync($"workflows/{_workflowId}", HandWrittenJson.Default.HandWorkflow);
        return workflow!.Id;
    }

    [BenchmarkCategory("Get one workflow"), Benchmark]
    public async Task<string> SdkGet() => (await _sdk.Workflows.GetAsync(_workflowId)).Id;

    /// <summary>The same call while a tracing and metrics listener is attached.</summary>
    [BenchmarkCategory("Get one workflow"), Benchmark]
    public async Task<string> SdkGetWithListener() => (await _sdk.Workflows.GetAsync(_workflowId)).Id;

    [BenchmarkCategory("List a page of 100"), Benchmark(Baseline = true)]
    public async Task<int> HandWrittenListPage()
    {
        var page = await _http.GetFromJsonAsync("workflows?page=1&per_page=100", HandWrittenJson.Default.HandPage);
        return page!.Data.Count;
    }

    [BenchmarkCategory("List a page of 100"), Benchmark]
    public async Task<int> SdkListPage()
    {
        await foreach (var page in _sdk.Workflows.ListAsync(new WorkflowListOptions { PageSize = 100 }).AsPages())
        {
            return page.Values.Count;
        }

        return 0;
    }
}

internal sealed record HandPage(List<HandWorkflow> Data, long Total, int Page, int PerPage);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HandWorkflow))]
[JsonSerializable(typeof(HandPage))]
internal sealed partial class HandWrittenJson : JsonSerializerContext;
