using System.Net;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Botcadence.Sdk.Tests;

/// <summary>What the pipeline does when the network and the service misbehave, driven by WireMock.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FaultInjectionTests : IDisposable
{
    private const string WorkflowJson = """{"id":"wf_1","name":"Welcome","status":"active","created_at":"2026-01-01T00:00:00Z","actions":[]}""";
    private readonly WireMockServer _mock = WireMockServer.Start();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _mock.Stop();

    private BotCadenceClient Client(Action<BotCadenceClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new BotCadenceClientOptions
        {
            ApiKey = "sk_test_fault",
            BaseAddress = new Uri(_mock.Url + "/v1"),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return new BotCadenceClient(options, transport: null, _logs.CreateFactory(), time);
    }

    private void Sequence(string path, string method, params Response[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var request = Request.Create().WithPath(path).UsingMethod(method);
            var given = _mock.Given(request).InScenario(path + method);
            given = i == 0 ? given : given.WhenStateIs($"s{i}");
            given.WillSetStateTo($"s{i + 1}").RespondWith(responses[i]);
        }
    }

    private static Response Json(int status, string body) =>
        (Response)Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private List<double> LoggedRetryDelays() =>
        _logs.Entries.Where(e => e.EventId == 1002)
            .Select(e => double.Parse(e.Message.Split(" in ")[1].Split(" ms")[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    [Test]
    public async Task Retries_503_twice_then_succeeds()
    {
        Sequence("/v1/workflows/wf_1", "GET", Json(503, "{}"), Json(503, "{}"), Json(200, WorkflowJson));
        using var client = Client();

        var workflow = await client.Workflows.GetAsync("wf_1");

        Assert.That(workflow.Id, Is.EqualTo("wf_1"));
        Assert.That(_mock.LogEntries.Count, Is.EqualTo(3));
    }

    [Test]
    public async Task Gives_up_after_max_retries_with_a_server_exception()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"error":{"code":"INTERNAL_ERROR","message":"down"}}"""));
        using var client = Client(o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ex.Code, Is.EqualTo(ErrorCode.InternalError));
        Assert.That(_mock.LogEntries.Count, Is.EqualTo(3));
    }

    [Test]
    public async Task Honours_Retry_After_in_seconds()
    {
        Sequence("/v1/workflows/wf_1", "GET",
            (Response)Json(429, """{"error":{"code":"RATE_LIMITED","message":"slow down"}}""").WithHeader("Retry-After", "1"),
            Json(200, WorkflowJson));
        using var client = Client();

        await client.Workflows.GetAsync("wf_1");

        Assert.That(LoggedRetryDelays(), Is.EqualTo(new[] { 1000.0 }));
        Assert.That(_mock.LogEntries.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Honours_Retry_After_as_an_http_date()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var retryAt = time.GetUtcNow().AddSeconds(3).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Sequence("/v1/workflows/wf_1", "GET",
            (Response)Json(429, """{"error":{"code":"RATE_LIMITED","message":"slow down"}}""").WithHeader("Retry-After", retryAt),
            Json(200, WorkflowJson));
        using var client = Client(time: time);

        var call = client.Workflows.GetAsync("wf_1");
        while (LoggedRetryDelays().Count == 0 && !call.IsCompleted)
        {
            await Task.Yield();
        }

        Assert.That(LoggedRetryDelays(), Is.EqualTo(new[] { 3000.0 }));
        Assert.That(call.IsCompleted, Is.False, "the retry must wait for the fake clock");
        time.Advance(TimeSpan.FromSeconds(3));
        var workflow = await call;
        Assert.That(workflow.Id, Is.EqualTo("wf_1"));
    }

    [Test]
    public async Task Retry_After_beyond_the_cap_fails_at_once_with_the_delay()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120")
                .WithHeader("X-RateLimit-Limit", "60").WithHeader("X-RateLimit-Remaining", "0").WithHeader("X-RateLimit-Reset", "1767225600")
                .WithBody("""{"code":"RATE_LIMITED","message":"Rate limit exceeded. Retry after 120 seconds."}"""));
        using var client = Client(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<BotCadenceRateLimitException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(ex.RateLimit, Is.EqualTo(new RateLimitInfo(60, 0, DateTimeOffset.FromUnixTimeSeconds(1767225600))));
        Assert.That(_mock.LogEntries.Count, Is.EqualTo(1), "no retry when the service asks for longer than the cap");
    }

    [Test]
    public async Task Cancellation_during_a_backoff_stops_at_once()
    {
        var time = new FakeTimeProvider();
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "10"));
        using var client = Client(time: time);
        using var cts = new CancellationTokenSource();

        var call = client.Workflows.GetAsync("wf_1", cancellationToken: cts.Token);
        while (LoggedRetryDelays().Count == 0 && !call.IsCompleted)
        {
            await Task.Yield();
        }

        Assert.That(call.IsCompleted, Is.False, "the call must be waiting in its backoff");
        await cts.CancelAsync();
        await Assert.CatchAsync<OperationCanceledException>(async () => await call);
        Assert.That(_mock.LogEntries.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Every_attempt_of_one_POST_carries_the_same_idempotency_key()
    {
        Sequence("/v1/workflows", "POST", Json(503, "{}"), Json(502, "<html>bad gateway</html>"), Json(201, WorkflowJson));
        using var client = Client();

        await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "Welcome" });
        await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "Welcome" }).ContinueWith(_ => { }, TaskScheduler.Default);

        var keys = _mock.LogEntries.Select(e => e.RequestMessage!.Headers!["Idempotency-Key"].Single()).ToList();
        Assert.That(keys, Has.Count.EqualTo(4));
        Assert.That(keys.Take(3).Distinct().Count(), Is.EqualTo(1), "retries reuse the key");
        Assert.That(keys[0], Is.Not.Empty);
        Assert.That(keys[3], Is.Not.EqualTo(keys[0]), "a new logical POST gets a new key");
    }

    [Test]
    public async Task A_timeout_after_the_last_retry_is_a_timeout_exception()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(WorkflowJson).WithDelay(TimeSpan.FromSeconds(5)));
        using var client = Client(o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 1; });

        var ex = await Assert.ThrowsAsync<BotCadenceTimeoutException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex, Is.InstanceOf<BotCadenceNetworkException>());
        Assert.That(LoggedRetryDelays(), Has.Count.EqualTo(1), "the timed-out attempt was retried once");
    }

    [Test]
    public async Task A_refused_connection_is_a_network_exception()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new BotCadenceClient(new BotCadenceClientOptions
        {
            ApiKey = "sk_test_x", BaseAddress = new Uri($"http://127.0.0.1:{port}/v1"), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(5),
        });

        var ex = await Assert.ThrowsAsync<BotCadenceNetworkException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task A_POST_without_an_idempotency_key_is_not_retried()
    {
        // The SDK always adds a key; a transport that strips it (the same request object the retry predicate
        // inspects) turns the POST into a non-idempotent one, which must be sent exactly once.
        _mock.Given(Request.Create().WithPath("/v1/workflows").UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        var options = new BotCadenceClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri(_mock.Url + "/v1"), RetryDelay = TimeSpan.FromMilliseconds(5) };
        using var client = new BotCadenceClient(options, new StripIdempotencyKey { InnerHandler = new HttpClientHandler() });

        await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" }));

        Assert.That(_mock.LogEntries.Count, Is.EqualTo(1));
        Assert.That(_mock.LogEntries.Single().RequestMessage!.Headers!.ContainsKey("Idempotency-Key"), Is.False);
    }

    private sealed class StripIdempotencyKey : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("Idempotency-Key");
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Test]
    public async Task Empty_success_body_is_a_serialization_exception()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        using var client = Client();

        var ex = await Assert.ThrowsAsync<BotCadenceSerializationException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.RawBody, Is.Empty);
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Garbled_success_body_is_a_serialization_exception_with_the_raw_body()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("X-Request-Id", "req_garbled").WithBody("""{"id": "wf_1", "name": """));
        using var client = Client();

        var ex = await Assert.ThrowsAsync<BotCadenceSerializationException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.RawBody, Is.EqualTo("""{"id": "wf_1", "name": """));
        Assert.That(ex.RequestId, Is.EqualTo("req_garbled"));
        Assert.That(ex.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
    }

    [Test]
    public async Task Wrong_json_types_are_a_serialization_exception()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id": 42, "name": ["x"]}"""));
        using var client = Client();

        await Assert.ThrowsAsync<BotCadenceSerializationException>(() => client.Workflows.GetAsync("wf_1"));
    }

    [Test]
    public async Task Html_from_a_proxy_is_a_server_exception_with_the_raw_body()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(html));
        using var client = Client(o => o.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.RawBody, Is.EqualTo(html));
        Assert.That(ex.Code, Is.EqualTo(ErrorCode.InternalError));
        Assert.That(ex.ErrorMessage, Does.Contain("502").And.Contain("non-JSON"));
    }

    [Test]
    public async Task Empty_error_body_still_maps_by_status()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        using var client = Client();

        var ex = await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex!.Code, Is.EqualTo(ErrorCode.NotFound));
        Assert.That(ex.RawBody, Is.Empty);
    }
}
