using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Botcadence.Sdk.Tests;

/// <summary>The call model on the wire (WireMock): request options, idempotency keys on every write, timeouts, handler positions.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CallModelTests : IDisposable
{
    private const string WorkflowJson = """{"id":"wf_1","name":"Welcome","status":"active","created_at":"2026-01-01T00:00:00Z","actions":[]}""";
    private readonly WireMockServer _mock = WireMockServer.Start();

    public void Dispose() => _mock.Stop();

    private BotCadenceClientOptions Options(Action<BotCadenceClientOptions>? configure = null)
    {
        var options = new BotCadenceClientOptions
        {
            ApiKey = "sk_test_call",
            BaseAddress = new Uri(_mock.Url + "/v1"),
            RetryDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    private BotCadenceClient Client(Action<BotCadenceClientOptions>? configure = null, HttpMessageHandler? transport = null) =>
        new(Options(configure), transport);

    private void Sequence(string path, string method, params IResponseBuilder[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var given = _mock.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(path + method);
            given = i == 0 ? given : given.WhenStateIs($"s{i}");
            given.WillSetStateTo($"s{i + 1}").RespondWith(responses[i]);
        }
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private List<string?> Sent(string header) =>
        _mock.LogEntries.OrderBy(e => e.RequestMessage!.DateTime)
            .Select(e => e.RequestMessage!.Headers!.TryGetValue(header, out var v) ? v.Single() : null).ToList();

    [Test]
    public async Task A_users_idempotency_key_is_sent_by_every_attempt_and_reported_on_the_result()
    {
        Sequence("/v1/workflows", "POST", Json(503, "{}"), Json(503, "{}"), Json(201, WorkflowJson).WithHeader("X-Request-Id", "req_3"));
        using var client = Client();

        var created = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" }, new RequestOptions { IdempotencyKey = "k1" });

        Assert.That(Sent("Idempotency-Key"), Is.EqualTo(new[] { "k1", "k1", "k1" }));
        Assert.That(created.Response!.IdempotencyKey, Is.EqualTo("k1"));
        Assert.That(created.Response.Attempts, Is.EqualTo(3));
        Assert.That(created.Response.RequestId, Is.EqualTo("req_3"));
        Assert.That(created.Response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("PATCH")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Patch_put_and_delete_carry_one_generated_key_reused_by_each_retry(string method)
    {
        var ok = method == "DELETE" ? Response.Create().WithStatusCode(204) : Json(200, WorkflowJson);
        Sequence("/v1/workflows/wf_1", method, Json(503, "{}"), Json(502, "<html>bad gateway</html>"), ok);
        using var client = Client();

        var info = method switch
        {
            "PATCH" => (await client.Workflows.UpdateAsync("wf_1", new WorkflowUpdateOptions { Name = "y" })).Response!,
            "PUT" => (await client.Workflows.ReplaceAsync("wf_1", new WorkflowCreateOptions { Name = "y" })).Response!,
            _ => await client.Workflows.DeleteAsync("wf_1"),
        };

        var keys = Sent("Idempotency-Key");
        Assert.That(keys, Has.Count.EqualTo(3));
        Assert.That(keys[0], Is.Not.Null.And.Not.Empty);
        Assert.That(keys.Distinct().Count(), Is.EqualTo(1), "one key per logical call");
        Assert.That(info.IdempotencyKey, Is.EqualTo(keys[0]));
        Assert.That(info.Attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task Reads_send_no_idempotency_key()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Json(200, WorkflowJson));
        using var client = Client();

        await client.Workflows.GetAsync("wf_1", new RequestOptions { IdempotencyKey = "ignored-on-reads" });

        Assert.That(Sent("Idempotency-Key"), Is.EqualTo(new string?[] { null }));
    }

    [Test]
    public async Task A_delete_whose_response_was_lost_is_retried_and_reported_as_success()
    {
        // The service replays the first response for a repeated key; without the key the retry would be a 404.
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingDelete()).AtPriority(10)
            .RespondWith(Json(404, """{"error":{"code":"NOT_FOUND","message":"gone"}}"""));
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingDelete().WithHeader("Idempotency-Key", "*")).AtPriority(1)
            .InScenario("delete").WillSetStateTo("deleted").RespondWith(Response.Create().WithStatusCode(204));
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingDelete().WithHeader("Idempotency-Key", "*")).AtPriority(1)
            .InScenario("delete").WhenStateIs("deleted").RespondWith(Response.Create().WithStatusCode(204).WithHeader("Idempotent-Replayed", "true"));
        var transport = new LoseResponses(1);
        using var client = Client(transport: transport);

        var info = await client.Workflows.DeleteAsync("wf_1");

        Assert.That(transport.Sent, Is.EqualTo(2));
        Assert.That(info.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(info.IdempotencyReplayed, Is.True);
        Assert.That(info.Attempts, Is.EqualTo(2));
        Assert.That(Sent("Idempotency-Key").Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_body_cut_off_after_the_headers_is_retried_with_the_same_key()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows").UsingPost()).RespondWith(Json(201, WorkflowJson));
        var transport = new CutOffBodies(1);
        using var client = Client(transport: transport);

        var created = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" });

        Assert.That(created.Id, Is.EqualTo("wf_1"));
        Assert.That(created.Response!.Attempts, Is.EqualTo(2));
        Assert.That(Sent("Idempotency-Key"), Has.Count.EqualTo(2).And.All.EqualTo(created.Response.IdempotencyKey));
    }

    [Test]
    public async Task The_total_timeout_ends_a_call_across_three_slow_attempts()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet())
            .RespondWith(Json(200, WorkflowJson).WithDelay(TimeSpan.FromSeconds(10)));
        using var client = Client(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1.5);
            o.AttemptTimeout = TimeSpan.FromSeconds(0.6);
            o.MaxRetries = 10;
        });
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<BotCadenceTimeoutException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)), "the total timeout, not ten attempts of 0.6 s or the 10 s response");
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.4)));
        Assert.That(ex!.Attempts, Is.EqualTo(3));
        Assert.That(ex.Message, Does.Contain("total Timeout"));
    }

    [Test]
    public async Task An_attempt_timeout_is_retried_and_a_per_call_timeout_overrides_the_total()
    {
        Sequence("/v1/workflows/wf_1", "GET", Json(200, WorkflowJson).WithDelay(TimeSpan.FromSeconds(10)), Json(200, WorkflowJson));
        using var client = Client(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(400));

        var workflow = await client.Workflows.GetAsync("wf_1");
        Assert.That(workflow.Response!.Attempts, Is.EqualTo(2), "the slow attempt timed out and was retried");

        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_2").UsingGet()).RespondWith(Json(200, WorkflowJson).WithDelay(TimeSpan.FromSeconds(10)));
        using var patient = Client(o => { o.AttemptTimeout = TimeSpan.FromSeconds(30); o.Timeout = TimeSpan.FromSeconds(100); });
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<BotCadenceTimeoutException>(() => patient.Workflows.GetAsync("wf_2", new RequestOptions { Timeout = TimeSpan.FromMilliseconds(500) }));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(ex!.Message, Does.Contain("total Timeout of 0.5 s"));
    }

    [Test]
    public async Task The_callers_own_cancellation_stays_an_OperationCanceledException()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Json(200, WorkflowJson).WithDelay(TimeSpan.FromSeconds(10)));
        using var client = Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.CatchAsync<OperationCanceledException>(() => client.Workflows.GetAsync("wf_1", cancellationToken: cts.Token));

        Assert.That(ex, Is.Not.InstanceOf<BotCadenceException>());
    }

    [Test]
    public async Task Extra_headers_are_sent_but_the_sdks_own_headers_cannot_be_overridden()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Json(200, WorkflowJson));
        using var client = Client();

        await client.Workflows.GetAsync("wf_1", new RequestOptions { Headers = { ["X-Trace"] = "t-1", ["X-Correlation-Id"] = "mine" } });

        Assert.That(Sent("X-Trace"), Is.EqualTo(new[] { "t-1" }));
        Assert.That(Sent("X-Correlation-Id"), Is.EqualTo(new[] { "mine" }));
        foreach (var reserved in new[] { "Authorization", "authorization", "Idempotency-Key", "User-Agent", "Content-Type" })
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Workflows.GetAsync("wf_1", new RequestOptions { Headers = { [reserved] = "x" } }));
            Assert.That(ex!.Message, Does.Contain(reserved));
        }

        Assert.That(_mock.LogEntries.Count, Is.EqualTo(1), "a rejected header sends nothing");
        Assert.That(Sent("Authorization"), Is.EqualTo(new[] { "Bearer sk_test_call" }));
    }

    [Test]
    public async Task A_per_call_api_key_and_max_retries_apply_to_that_call_only()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows/wf_1").UsingGet()).RespondWith(Json(503, "{}"));
        using var client = Client(o => o.MaxRetries = 3);

        await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.GetAsync("wf_1", new RequestOptions { MaxRetries = 0, ApiKey = "sess_other" }));
        Assert.That(Sent("Authorization"), Is.EqualTo(new[] { "Bearer sess_other" }));

        _mock.ResetLogEntries();
        var ex = await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.GetAsync("wf_1", new RequestOptions { MaxRetries = 1 }));
        Assert.That(Sent("Authorization"), Is.EqualTo(new[] { "Bearer sk_test_call", "Bearer sk_test_call" }));
        Assert.That(ex!.Attempts, Is.EqualTo(2));

        _mock.ResetLogEntries();
        await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.GetAsync("wf_1"));
        Assert.That(_mock.LogEntries.Count, Is.EqualTo(4), "the client's MaxRetries again");
    }

    [Test]
    public async Task Exceptions_of_a_mutating_call_carry_its_idempotency_key_and_response()
    {
        _mock.Given(Request.Create().WithPath("/v1/workflows").UsingPost())
            .RespondWith(Json(503, """{"error":{"code":"INTERNAL_ERROR","message":"down"}}""").WithHeader("X-Request-Id", "req_down"));
        using var client = Client(o => o.MaxRetries = 1);

        var ex = await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" }));

        Assert.That(ex!.IdempotencyKey, Is.Not.Null.And.EqualTo(Sent("Idempotency-Key").Distinct().Single()));
        Assert.That(ex.Response!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ex.Response.RequestId, Is.EqualTo("req_down"));
        Assert.That(ex.Attempts, Is.EqualTo(2));

        using var broken = Client(o => o.MaxRetries = 2, new LoseResponses(int.MaxValue));
        var network = await Assert.ThrowsAsync<BotCadenceNetworkException>(() =>
            broken.Workflows.DeleteAsync("wf_1", new RequestOptions { IdempotencyKey = "del-1" }));
        Assert.That(network!.IdempotencyKey, Is.EqualTo("del-1"));
        Assert.That(network.Attempts, Is.EqualTo(3));
        Assert.That(network.Response, Is.Null);
    }

    [Test]
    public async Task Handler_positions_per_call_and_per_attempt_on_new_BotCadenceClient()
    {
        Sequence("/v1/workflows", "POST", Json(503, "{}"), Json(201, WorkflowJson));
        var log = new ConcurrentQueue<string>();
        using var client = Client(o => o
            .AddHandler(() => new Recording("call", log), HttpPipelinePosition.PerCall)
            .AddHandler(() => new Recording("attempt", log), HttpPipelinePosition.PerAttempt));

        await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" });

        AssertOrder(log);
    }

    [Test]
    public async Task Handler_positions_per_call_and_per_attempt_with_dependency_injection()
    {
        Sequence("/v1/workflows", "POST", Json(503, "{}"), Json(201, WorkflowJson));
        var log = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddBotCadence(o =>
        {
            o.ApiKey = "sk_test_call";
            o.BaseAddress = new Uri(_mock.Url + "/v1");
            o.RetryDelay = TimeSpan.FromMilliseconds(5);
            o.AddHandler(() => new Recording("call", log), HttpPipelinePosition.PerCall);
            o.AddHandler(() => new Recording("attempt", log), HttpPipelinePosition.PerAttempt);
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBotCadenceClient>().Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" });

        AssertOrder(log);
    }

    [Test]
    public async Task A_user_owned_HttpClient_is_the_transport_and_is_not_disposed()
    {
        Sequence("/v1/workflows", "POST", Json(503, "{}"), Json(201, WorkflowJson));
        var log = new ConcurrentQueue<string>();
        var inner = new Recording("transport", log) { InnerHandler = new SocketsHttpHandler() };
        using var httpClient = new HttpClient(inner);
        httpClient.DefaultRequestHeaders.Add("X-From-Users-Client", "yes");

        using (var client = new BotCadenceClient(httpClient, Options(o => o.AddHandler(() => new Recording("call", log), HttpPipelinePosition.PerCall))))
        {
            var created = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x" });
            Assert.That(created.Response!.Attempts, Is.EqualTo(2));
        }

        Assert.That(log, Is.EqualTo(new[] { "call> key=False", "transport> key=True auth=True", "transport< 503", "transport> key=True auth=True", "transport< 201", "call< 201" }));
        Assert.That(Sent("X-From-Users-Client"), Is.EqualTo(new[] { "yes", "yes" }));
        Assert.That(Sent("Idempotency-Key").Distinct().Count(), Is.EqualTo(1));
        // Still usable (a disposed HttpClient throws ObjectDisposedException): the SDK did not dispose it.
        await Assert.DoesNotThrowAsync(async () => (await httpClient.GetAsync(new Uri(_mock.Url + "/v1/workflows"))).Dispose());
        Assert.That(inner.Disposed, Is.False);
    }

    private static void AssertOrder(ConcurrentQueue<string> log) =>
        Assert.That(log, Is.EqualTo(new[]
        {
            // Per call: once, outside the retry, before the SDK adds the key. Per attempt: each attempt, signed, with the key.
            "call> key=False", "attempt> key=True auth=True", "attempt< 503", "attempt> key=True auth=True", "attempt< 201", "call< 201",
        }));

    private sealed class Recording(string name, ConcurrentQueue<string> log) : DelegatingHandler
    {
        public bool Disposed { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.Headers.Contains("Idempotency-Key");
            log.Enqueue(key ? $"{name}> key=True auth={request.Headers.Authorization is not null}" : $"{name}> key=False");
            var response = await base.SendAsync(request, cancellationToken);
            log.Enqueue($"{name}< {(int)response.StatusCode}");
            return response;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>Sends each request for real, then drops the first <c>count</c> responses as if the connection broke.</summary>
    private sealed class LoseResponses(int count) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sent;

        public int Sent => _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _sent) <= count)
            {
                response.Dispose();
                throw new HttpRequestException("connection reset after the server processed the request");
            }

            return response;
        }
    }

    /// <summary>Answers the first <c>count</c> requests with the real headers and a body that breaks after a few bytes.</summary>
    private sealed class CutOffBodies(int count) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _sent) <= count)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var cut = new StreamContent(new FaultStreams.BreakingStream(bytes, bytes.Length / 2));
                foreach (var header in response.Content.Headers)
                {
                    cut.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = cut;
            }

            return response;
        }
    }
}

/// <summary>Streams shared by the fault tests.</summary>
internal static class FaultStreams
{
    /// <summary>Yields the first <c>breakAt</c> bytes of a body, then throws as a reset connection would.</summary>
    internal sealed class BreakingStream(byte[] body, int breakAt) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= breakAt)
            {
                throw new IOException("The response ended prematurely (connection reset).");
            }

            var n = Math.Min(buffer.Length, breakAt - _position);
            body.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
