using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Botcadence.Sdk.Observability.Tests;

/// <summary>
/// The spans and metrics a user's OpenTelemetry pipeline receives from SDK calls, asserted through the public API only:
/// client calls in, exported telemetry out.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ClientTelemetryTests
{
    internal const string WorkflowJson = """{"id":"wf_1","name":"Welcome","status":"active","created_at":"2026-01-01T00:00:00Z","actions":[]}""";

    private WireMockServer _mock = null!;
    private TelemetryCapture _telemetry = null!;
    private string _apiKey = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = WireMockServer.Start();
        _telemetry = new TelemetryCapture();
        _apiKey = "sk_test_obs" + Guid.NewGuid().ToString("N");
    }

    [TearDown]
    public void TearDown()
    {
        _telemetry.Dispose();
        _mock.Stop();
    }

    private BotCadenceClient Client(Action<BotCadenceClientOptions>? configure = null)
    {
        var options = new BotCadenceClientOptions
        {
            ApiKey = _apiKey,
            BaseAddress = new Uri(_mock.Url + "/v1"),
            RetryDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return new BotCadenceClient(options, transport: null, _telemetry.LoggerFactory);
    }

    private static IResponseBuilder Json(int status, string body, string requestId) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithHeader("X-Request-Id", requestId).WithBody(body);

    private void Sequence(string path, params IResponseBuilder[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var given = _mock.Given(Request.Create().WithPath(path).UsingGet()).InScenario(path);
            given = i == 0 ? given : given.WhenStateIs($"s{i}");
            given.WillSetStateTo($"s{i + 1}").RespondWith(responses[i]);
        }
    }

    private string? TraceParent() =>
        _mock.LogEntries.Single().RequestMessage!.Headers!.FirstOrDefault(h => h.Key.Equals("traceparent", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    [Test]
    public async Task A_successful_call_is_one_client_span_over_one_attempt_with_request_id_and_duration()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(
            Json(200, WorkflowJson, "req_ok_1").WithHeader("X-RateLimit-Limit", "100").WithHeader("X-RateLimit-Remaining", "41")
                .WithHeader("X-RateLimit-Reset", "1999999999"));
        using var client = Client();

        var workflow = await client.Workflows.GetAsync("wf_1");

        Assert.That(workflow.Id, Is.EqualTo("wf_1"));
        var operation = _telemetry.Operations("Workflows.Get").Single();
        Assert.Multiple(() =>
        {
            Assert.That(operation.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(operation.GetTagItem("botcadence.operation"), Is.EqualTo("Workflows.Get"));
            Assert.That(operation.GetTagItem("http.request.method"), Is.EqualTo("GET"));
            Assert.That(operation.GetTagItem("server.address"), Is.EqualTo(new Uri(_mock.Url!).Host));
            Assert.That(operation.GetTagItem("server.port"), Is.EqualTo(new Uri(_mock.Url!).Port));
            Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(operation.GetTagItem("botcadence.request_id"), Is.EqualTo("req_ok_1"));
            Assert.That(operation.GetTagItem("url.template"), Is.EqualTo("/workflows/{workflowId}"));
            Assert.That(operation.GetTagItem("http.request.resend_count"), Is.Null);
            Assert.That(operation.GetTagItem("error.type"), Is.Null);
        });
        var attempts = _telemetry.AttemptsOf(operation);
        Assert.That(attempts, Has.Count.EqualTo(1), "HttpClient's attempt span is a child of the operation span");
        Assert.That(attempts[0].TraceId, Is.EqualTo(operation.TraceId));
        Assert.That(TraceParent(), Does.Contain(operation.TraceId.ToHexString()), "the trace is propagated to the service");

        var duration = _telemetry.Points("botcadence.client.operation.duration").Single(p => Equals(p.Tags["botcadence.operation"], "Workflows.Get"));
        Assert.That(duration.Point.GetHistogramCount(), Is.EqualTo(1));
        Assert.That(duration.Tags["botcadence.outcome"], Is.EqualTo("success"));
        Assert.That(duration.Tags, Does.Not.ContainKey("error.type"));
        Assert.That(_telemetry.Metric("botcadence.client.operation.duration")!.Unit, Is.EqualTo("s"));

        var remaining = _telemetry.Points("botcadence.client.rate_limit.remaining")
            .Single(p => Equals(p.Tags["botcadence.api_key_prefix"], _apiKey[..12]));
        Assert.That(remaining.Point.GetGaugeLastValueLong(), Is.EqualTo(41));
    }

    [Test]
    public async Task A_retried_call_is_one_operation_span_over_two_attempt_spans_503_then_200()
    {
        Sequence("/v1/workflows/wf_1", Json(503, """{"error":{"code":"SERVICE_UNAVAILABLE","message":"busy"}}""", "req_503"),
            Json(200, WorkflowJson, "req_200"));
        using var client = Client();

        await client.Workflows.GetAsync("wf_1");

        var operation = _telemetry.Operations("Workflows.Get").Single();
        var attempts = _telemetry.AttemptsOf(operation);
        Assert.That(attempts.Select(a => a.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
        Assert.Multiple(() =>
        {
            Assert.That(operation.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(operation.GetTagItem("botcadence.request_id"), Is.EqualTo("req_200"));
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(operation.Events.Single(e => e.Name == "retry").Tags.ToDictionary(t => t.Key, t => t.Value)["botcadence.retry.reason"], Is.EqualTo("503"));
        });

        var retries = _telemetry.Points("botcadence.client.retries").Single();
        Assert.That(retries.Point.GetSumLong(), Is.EqualTo(1));
        Assert.That(retries.Tags["botcadence.retry.reason"], Is.EqualTo("503"));
        Assert.That(retries.Tags["botcadence.operation"], Is.EqualTo("Workflows.Get"));
    }

    [Test]
    public async Task A_typed_api_error_records_the_exception_type_and_error_code_and_the_caller_still_gets_the_body()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_missing").UsingGet()).RespondWith(
            Json(404, """{"error":{"code":"WORKFLOW_NOT_FOUND","message":"No workflow wf_missing."}}""", "req_404"));
        using var client = Client();

        var ex = await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Workflows.GetAsync("wf_missing"));

        Assert.That(ex!.Code.Value, Is.EqualTo("WORKFLOW_NOT_FOUND"), "the telemetry handler must not consume the error body");
        Assert.That(ex.ErrorMessage, Is.EqualTo("No workflow wf_missing."));
        var operation = _telemetry.Operations("Workflows.Get").Single();
        Assert.Multiple(() =>
        {
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(operation.StatusDescription, Is.EqualTo(typeof(BotCadenceNotFoundException).FullName));
            Assert.That(operation.GetTagItem("error.type"), Is.EqualTo(ex.GetType().FullName));
            Assert.That(operation.GetTagItem("botcadence.error_code"), Is.EqualTo("WORKFLOW_NOT_FOUND"));
            Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(404));
            Assert.That(operation.GetTagItem("botcadence.request_id"), Is.EqualTo(ex.RequestId));
        });

        var duration = _telemetry.Points("botcadence.client.operation.duration").Single();
        Assert.That(duration.Tags["botcadence.outcome"], Is.EqualTo("error"));
        Assert.That(duration.Tags["error.type"], Is.EqualTo(typeof(BotCadenceNotFoundException).FullName));
    }

    [Test]
    public async Task Rate_limit_rejections_are_counted_each_time_retried_or_not()
    {
        var limited = """{"error":{"code":"RATE_LIMITED","message":"slow down"}}""";
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(
            Json(429, limited, "req_429").WithHeader("Retry-After", "0").WithHeader("X-RateLimit-Limit", "100")
                .WithHeader("X-RateLimit-Remaining", "0").WithHeader("X-RateLimit-Reset", "1999999999"));
        using var client = Client(o => o.MaxRetries = 1);

        var ex = await Assert.ThrowsAsync<BotCadenceRateLimitException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(_mock.LogEntries.Count, Is.EqualTo(2));
        var operation = _telemetry.Operations("Workflows.Get").Single();
        Assert.That(operation.GetTagItem("error.type"), Is.EqualTo(ex!.GetType().FullName));
        Assert.That(operation.GetTagItem("botcadence.error_code"), Is.EqualTo("RATE_LIMITED"));
        Assert.That(_telemetry.Points("botcadence.client.rate_limited").Sum(p => p.Point.GetSumLong()), Is.EqualTo(2));
        Assert.That(_telemetry.Points("botcadence.client.retries").Single().Tags["botcadence.retry.reason"], Is.EqualTo("429"));
        Assert.That(_telemetry.Points("botcadence.client.rate_limit.remaining")
            .Single(p => Equals(p.Tags["botcadence.api_key_prefix"], _apiKey[..12])).Point.GetGaugeLastValueLong(), Is.EqualTo(0));
    }

    [Test]
    public async Task A_timeout_records_the_timeout_exception_and_timeout_retries()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_slow").UsingGet()).RespondWith(
            Json(200, WorkflowJson, "req_slow").WithDelay(TimeSpan.FromSeconds(5)));
        using var client = Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        });

        var ex = await Assert.ThrowsAsync<BotCadenceTimeoutException>(() => client.Workflows.GetAsync("wf_slow"));

        var operation = _telemetry.Operations("Workflows.Get").Single();
        Assert.Multiple(() =>
        {
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(operation.GetTagItem("error.type"), Is.EqualTo(ex!.GetType().FullName));
            Assert.That(operation.GetTagItem("http.response.status_code"), Is.Null);
            Assert.That(operation.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(_telemetry.AttemptsOf(operation), Has.Count.EqualTo(2));
        });
        var retry = _telemetry.Points("botcadence.client.retries").Single();
        Assert.That(retry.Tags["botcadence.retry.reason"], Is.EqualTo("timeout"));
        var duration = _telemetry.Points("botcadence.client.operation.duration").Single();
        Assert.That(duration.Tags["error.type"], Is.EqualTo(typeof(BotCadenceTimeoutException).FullName));
        Assert.That(duration.Point.GetHistogramSum(), Is.GreaterThanOrEqualTo(0.5), "two attempts of 300 ms and the backoff");
    }

    [Test]
    public async Task A_list_of_three_pages_is_three_page_spans()
    {
        await using var server = await ReferenceServer.ReferenceServer.StartAsync();
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.ApiKey, BaseAddress = server.BaseAddress });
        for (var i = 0; i < 5; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = $"paged {i}", Actions = [new WorkflowActionOptions { Type = "log" }] });
        }

        var creates = _telemetry.Operations("Workflows.Create");
        var items = await client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 2 }).ToListAsync();

        Assert.That(items, Has.Count.EqualTo(5));
        var pages = _telemetry.Operations("Workflows.List");
        Assert.That(pages, Has.Count.EqualTo(3), "one span per page request, not one per enumeration");
        Assert.That(pages.Select(p => p.SpanId).Distinct().Count(), Is.EqualTo(3));
        Assert.That(pages.All(p => _telemetry.AttemptsOf(p).Count == 1 && Equals(p.GetTagItem("http.response.status_code"), 200)));
        Assert.That(creates, Has.Count.EqualTo(5));
        Assert.That(creates.All(c => Equals(c.GetTagItem("botcadence.idempotency_replayed"), false)), "every POST carries an idempotency key, none replayed");
        var listDurations = _telemetry.Points("botcadence.client.operation.duration").Single(p => Equals(p.Tags["botcadence.operation"], "Workflows.List"));
        Assert.That(listDurations.Point.GetHistogramCount(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_replayed_idempotent_post_is_marked_replayed()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows").UsingPost()).RespondWith(
            Json(201, WorkflowJson, "req_replayed").WithHeader("Idempotent-Replayed", "true"));
        using var client = Client();

        await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "Welcome", Actions = [new WorkflowActionOptions { Type = "log" }] });

        var create = _telemetry.Operations("Workflows.Create").Single();
        Assert.That(create.GetTagItem("botcadence.idempotency_replayed"), Is.EqualTo(true));
        Assert.That(create.GetTagItem("http.request.method"), Is.EqualTo("POST"));
        Assert.That(create.GetTagItem("botcadence.request_id"), Is.EqualTo("req_replayed"));
    }

    [Test]
    public async Task A_network_failure_is_retried_for_reason_network_and_recorded_as_the_network_exception()
    {
        // A port nothing listens on: connection refused on every attempt.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = Client(o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{port}/v1");
            o.MaxRetries = 1;
        });

        var ex = await Assert.ThrowsAsync<BotCadenceNetworkException>(() => client.Workflows.GetAsync("wf_1"));

        var operation = _telemetry.Operations("Workflows.Get").Single();
        Assert.That(operation.GetTagItem("error.type"), Is.EqualTo(ex!.GetType().FullName));
        Assert.That(operation.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
        Assert.That(_telemetry.AttemptsOf(operation), Has.Count.EqualTo(2));
        Assert.That(_telemetry.Points("botcadence.client.retries").Single().Tags["botcadence.retry.reason"], Is.EqualTo("network"));
    }

    [Test]
    public async Task A_client_from_dependency_injection_reports_the_same_spans()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Json(200, WorkflowJson, "req_di"));
        var services = new ServiceCollection();
        services.AddBotCadence(o =>
        {
            o.ApiKey = _apiKey;
            o.BaseAddress = new Uri(_mock.Url + "/v1");
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBotCadenceClient>();

        await client.Workflows.GetAsync("wf_1");

        var operation = _telemetry.Operations("Workflows.Get").Single();
        Assert.That(operation.GetTagItem("botcadence.request_id"), Is.EqualTo("req_di"));
        Assert.That(_telemetry.AttemptsOf(operation), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Without_a_listener_calls_succeed_and_nothing_is_recorded()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Json(200, WorkflowJson, "req_quiet"));
        _telemetry.Dispose();
        Assert.That(new ActivitySource(BotCadenceDiagnostics.ActivitySourceName).HasListeners(), Is.False);
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = _apiKey, BaseAddress = new Uri(_mock.Url + "/v1") });

        var workflow = await client.Workflows.GetAsync("wf_1");

        Assert.That(workflow.Id, Is.EqualTo("wf_1"));
        Assert.That(_telemetry.Spans, Is.Empty);
        Assert.That(TraceParent(), Is.Null, "no span was started, so none was propagated");
    }
}
