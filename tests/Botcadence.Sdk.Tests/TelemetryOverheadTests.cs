using System.Net;

namespace Botcadence.Sdk.Tests;

/// <summary>The telemetry handler's cost when nobody listens (this process attaches no listener), and operation naming.</summary>
[TestFixture]
public sealed class TelemetryOverheadTests
{
    [Test]
    [NonParallelizable]
    public void Without_a_listener_the_telemetry_handler_allocates_nothing_per_call()
    {
        Assume.That(ClientTelemetry.IsEnabled, Is.False, "a listener is attached in this process");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://bench.invalid/v1/workflows/wf_1");
        using var bare = new HttpMessageInvoker(new CannedHandler(), disposeHandler: true);
        using var observed = new HttpMessageInvoker(new TelemetryHandler(new BotCadenceClientOptions { ApiKey = "sk_test_0123456789abcdef" }, TimeProvider.System) { InnerHandler = new CannedHandler() }, disposeHandler: true);

        var bareBytes = AllocatedPerCall(bare, request);
        var observedBytes = AllocatedPerCall(observed, request);

        Assert.That(observedBytes, Is.EqualTo(bareBytes), "bytes allocated per call through the telemetry handler, minus without it");
    }

    [Test]
    public void Every_api_method_gets_an_Area_dot_Method_operation_name()
    {
        var apis = typeof(ClientCore).Assembly.GetTypes().Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Api", StringComparison.Ordinal)).ToList();
        Assert.That(apis, Has.Count.GreaterThan(10));
        var names = apis.SelectMany(api => api.GetMethods().Select(m => OperationName.Format(api.Name, m.Name))).ToList();

        Assert.That(names, Has.All.Matches("^[A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+$"));
        Assert.That(names, Has.None.Contains("Async").And.None.Contains("Api."));
        Assert.That(names, Does.Contain("Workflows.Get").And.Contain("DataSources.List").And.Contain("Runs.Launch"));
    }

    private static long AllocatedPerCall(HttpMessageInvoker invoker, HttpRequestMessage request)
    {
        const int calls = 2000;
        for (var i = 0; i < 100; i++)
        {
            Send(invoker, request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            Send(invoker, request);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }

    private static void Send(HttpMessageInvoker invoker, HttpRequestMessage request)
    {
        var task = invoker.SendAsync(request, CancellationToken.None);
        Assert.That(task.IsCompletedSuccessfully, Is.True);
    }

    /// <summary>Answers synchronously with one cached response, so the handler under test is the only allocator.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        private readonly Task<HttpResponseMessage> _response = Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _response;
    }
}
