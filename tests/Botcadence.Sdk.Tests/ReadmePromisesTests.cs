using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Botcadence.Sdk.Tests;

/// <summary>
/// Issue 15 point 4: one test per checkable bullet of the README's "What you get" (logging and OpenTelemetry are
/// checked by Botcadence.Sdk.Observability.Tests; the ASP.NET Core receiver by Botcadence.Sdk.AspNetCore.Tests).
/// </summary>
[TestFixture]
public sealed class ReadmePromisesTests
{
    private static WorkflowCreateOptions Log(string name) => new() { Name = name, Actions = [new WorkflowActionOptions { Type = "log" }] };

    /// <summary>Records every attempt; answers the first <see cref="FailFirst"/> POSTs with 503 without forwarding them.</summary>
    private sealed class Recorder : DelegatingHandler
    {
        public ConcurrentQueue<HttpRequestMessage> Attempts { get; } = new();

        public int FailFirst { get; set; }

        public Func<HttpResponseMessage>? Answer { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts.Enqueue(request);
            if (Answer is { } answer)
            {
                return answer();
            }

            if (request.Method == HttpMethod.Post && FailFirst-- > 0)
            {
                // Forward, then lose the response: the service did the work, the client must not do it twice.
                using var lost = await base.SendAsync(request, cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("") };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private static (BotCadenceClient Client, Recorder Recorder) ClientWithRecorder(Action<BotCadenceClientOptions>? configure = null)
    {
        var (owner, _, key) = ServerFixture.NewTenant();
        owner.Dispose();
        var recorder = new Recorder();
        var client = ServerFixture.ClientFor(key.Key, o =>
        {
            o.AddHandler(() => recorder, HttpPipelinePosition.PerAttempt);
            configure?.Invoke(o);
        });
        return (client, recorder);
    }

    [Test]
    public async Task Typed_errors_and_no_JsonException_escapes()
    {
        var (client, recorder) = ClientWithRecorder(o => o.MaxRetries = 0);
        using var clientScope = client;

        var notFound = await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Workflows.GetAsync("wf_missing"));
        Assert.That(notFound!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(notFound.RequestId, Is.Not.Null.And.Not.Empty);

        var invalid = await Assert.ThrowsAsync<BotCadenceValidationException>(() => client.Workflows.CreateAsync(new WorkflowCreateOptions()));
        Assert.That(invalid!.Field, Is.EqualTo("name"));

        recorder.Answer = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        var unreadable = await Assert.ThrowsAsync<BotCadenceSerializationException>(() => client.Workflows.GetAsync("wf_1"));
        Assert.That(unreadable!.InnerException, Is.InstanceOf<JsonException>());

        using var document = JsonDocument.Parse("""{"id": 42, "status": ["not", "a", "status"]}""");
        var evt = new WebhookEvent("evt_1", WebhookEventType.ExecutionCompleted, DateTimeOffset.UnixEpoch, document.RootElement.Clone(), document.RootElement.GetRawText());
        var misfit = Assert.Throws<WebhookVerificationException>(() => evt.GetExecution());
        Assert.That(misfit!.Reason, Is.EqualTo(WebhookVerificationFailureReason.MalformedPayload));
        Assert.That(misfit.InnerException, Is.InstanceOf<JsonException>());
        using var nullData = JsonDocument.Parse("null");
        var nothing = new WebhookEvent("evt_2", WebhookEventType.ExecutionCompleted, DateTimeOffset.UnixEpoch, nullData.RootElement.Clone(), "null");
        Assert.Throws<WebhookVerificationException>(() => nothing.GetExecution());
    }

    [Test]
    public async Task A_network_failure_is_a_BotCadenceNetworkException_never_an_HttpRequestException()
    {
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "bc_test", BaseAddress = new Uri("http://127.0.0.1:1/"), MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<BotCadenceNetworkException>(() => client.Workflows.GetAsync("wf_1"));

        Assert.That(ex, Is.Not.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Retries_are_safe_for_every_write_one_key_for_all_attempts()
    {
        var (client, recorder) = ClientWithRecorder();
        using var clientScope = client;
        recorder.FailFirst = 1;

        var created = await client.Workflows.CreateAsync(Log("retried"));

        var posts = recorder.Attempts.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.That(posts, Has.Count.EqualTo(2));
        Assert.That(posts.Select(p => p.Headers.GetValues("Idempotency-Key").Single()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(created.Response!.Attempts, Is.EqualTo(2));
        Assert.That(created.Response.IdempotencyReplayed, Is.True, "the second attempt got the first one's response");
        Assert.That(await client.Workflows.ListAsync().ToListAsync(), Has.Count.EqualTo(1), "created once");
    }

    [Test]
    public async Task Per_call_control_headers_key_retries_and_timeout()
    {
        var (client, recorder) = ClientWithRecorder();
        using var clientScope = client;
        var options = new RequestOptions { IdempotencyKey = "my-key-1", MaxRetries = 0 };
        options.Headers["X-Trace"] = "t1";
        recorder.FailFirst = 1;

        var ex = await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.CreateAsync(Log("once"), options));

        Assert.That(recorder.Attempts, Has.Count.EqualTo(1), "MaxRetries = 0 for this call");
        var sent = recorder.Attempts.Single();
        Assert.That(sent.Headers.GetValues("X-Trace").Single(), Is.EqualTo("t1"));
        Assert.That(sent.Headers.GetValues("Idempotency-Key").Single(), Is.EqualTo("my-key-1"));
        Assert.That(ex!.Response!.IdempotencyKey, Is.EqualTo("my-key-1"), "the failure carries the key to repeat the call with");
        var repeated = await client.Workflows.CreateAsync(Log("once"), new RequestOptions { IdempotencyKey = "my-key-1" });
        Assert.That(repeated.Response!.IdempotencyReplayed, Is.True);
    }

    [Test]
    public async Task Your_handlers_see_every_attempt()
    {
        var (client, recorder) = ClientWithRecorder();
        using var clientScope = client;
        recorder.FailFirst = 2;

        await client.Workflows.CreateAsync(Log("handlers"));

        Assert.That(recorder.Attempts.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(3));
    }

    [Test]
    public async Task Paging_both_ways_with_a_string_token_and_no_duplicates()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        for (var i = 0; i < 5; i++)
        {
            await client.Workflows.CreateAsync(Log($"page {i}"));
        }

        var items = await client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 2 }).ToListAsync();
        string? token = null;
        var byPage = new List<string>();
        await foreach (var page in client.Workflows.ListAsync().AsPages(null, 2))
        {
            byPage.AddRange(page.Values.Select(w => w.Id));
            token ??= page.ContinuationToken;
        }

        var resumed = new List<string>();
        await foreach (var page in client.Workflows.ListAsync().AsPages(token, 2))
        {
            resumed.AddRange(page.Values.Select(w => w.Id));
        }

        Assert.That(items.Select(w => w.Id).ToList(), Is.Unique);
        Assert.That(items, Has.Count.EqualTo(5));
        Assert.That(byPage, Is.EqualTo(items.Select(w => w.Id)));
        Assert.That(resumed, Is.EqualTo(byPage.Skip(2)));
    }

    [Test]
    public async Task Each_call_has_its_own_response()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var created = await client.Workflows.CreateAsync(Log("response"));
        var fetched = await client.Workflows.GetAsync(created.Id);
        var deleted = await client.Workflows.DeleteAsync(created.Id);

        Assert.That(created.Response!.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(fetched.Response!.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(created.Response.RequestId, Is.Not.EqualTo(fetched.Response.RequestId));
        Assert.That(created.Response.IdempotencyKey, Is.Not.Null);
        Assert.That(fetched.Response.Headers, Is.Not.Empty);
        Assert.That(deleted.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.NoContent));
    }

    [Test]
    public void Webhooks_you_can_trust_forged_or_untimestamped_deliveries_are_refused()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var body = """{"id":"evt_1","event":"user.created","timestamp":"2026-01-01T00:00:00Z","data":{"id":"usr_1"}}""";
        var verifier = new WebhookVerifier(secret);
        var headers = WebhookVerifier.Sign(secret, "evt_1", DateTimeOffset.UtcNow, body);

        var evt = verifier.Verify(body, headers);
        Assert.That(evt.Type, Is.EqualTo(WebhookEventType.UserCreated));

        var forged = Assert.Throws<WebhookVerificationException>(() => verifier.Verify(body.Replace("usr_1", "usr_2", StringComparison.Ordinal), headers));
        Assert.That(forged!.Reason, Is.EqualTo(WebhookVerificationFailureReason.NoMatchingSignature));
        var seedOnly = headers.Where(h => h.Key.Equals("X-BotCadence-Signature", StringComparison.OrdinalIgnoreCase)).ToDictionary(h => h.Key, h => h.Value);
        var untimestamped = Assert.Throws<WebhookVerificationException>(() => verifier.Verify(body, seedOnly));
        Assert.That(untimestamped!.Reason, Is.EqualTo(WebhookVerificationFailureReason.UntimestampedSignature));
    }
}
