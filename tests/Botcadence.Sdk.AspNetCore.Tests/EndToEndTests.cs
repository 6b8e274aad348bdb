using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Botcadence.ReferenceServer;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.AspNetCore.Tests;

/// <summary>The reference server delivers to a receiver on real Kestrel; the SDK manages the subscription.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EndToEndTests
{
    private static ReferenceServer.ReferenceServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions
    {
        StepDuration = TimeSpan.FromMilliseconds(5),
        WebhookRetryDelays = [TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(120)],
        WebhookTimeout = TimeSpan.FromSeconds(5),
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private static BotCadenceClient NewTenant()
    {
        var org = _server.CreateOrganization("e2e " + Guid.NewGuid().ToString("N"));
        var key = _server.CreateApiKey(org.Id);
        return new BotCadenceClient(new BotCadenceClientOptions { ApiKey = key.Key, BaseAddress = _server.BaseAddress });
    }

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<Workflow> ExecuteWorkflowAsync(BotCadenceClient client, bool fail = false)
    {
        var workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions
        {
            Name = "e2e",
            Actions = [new WorkflowActionOptions { Type = fail ? "fail" : "log" }],
        });
        await client.Workflows.ActivateAsync(workflow.Id);
        await client.Workflows.ExecuteAsync(workflow.Id, new { email = "a@b.c" });
        return workflow;
    }

    [Test]
    public async Task Events_are_delivered_verified_and_handled_exactly_once_even_when_redelivered()
    {
        using var client = NewTenant();
        var secret = NewSecret();
        await using var receiver = await Receiver.StartAsync([secret]);
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = receiver.Url.AbsoluteUri, Events = [WebhookEventType.All], Secret = secret });

        var workflow = await ExecuteWorkflowAsync(client);
        await Eventually.HoldsAsync(() => receiver.Handled.Any(e => e.Type == WebhookEventType.ExecutionCompleted), "execution.completed handled");

        var executed = receiver.Handled.Single(e => e.Type == WebhookEventType.WorkflowExecuted);
        var completed = receiver.Handled.Single(e => e.Type == WebhookEventType.ExecutionCompleted);
        Assert.That(executed.GetExecution().WorkflowId, Is.EqualTo(workflow.Id));
        Assert.That(completed.GetExecution().Status, Is.EqualTo(ExecutionStatus.Completed));
        Assert.That(completed.GetExecution().Id, Is.EqualTo(executed.GetExecution().Id));
        Assert.That(completed.Id, Does.StartWith("evt_"));

        var deliveries = await Eventually.ResultAsync(() => client.Webhooks.ListDeliveriesAsync(hook.Id).ToListAsync(), d => d.Count == 2, "two deliveries logged");
        Assert.That(deliveries.All(d => d.Success && d.StatusCode == 200 && d.Attempt == 1 && d.DeliveredAt is not null), Is.True);

        // Force a redelivery of the same event: the receiver answers 2xx but does not run the handler again.
        var original = deliveries.Single(d => d.EventId == completed.Id);
        var redelivered = await client.Webhooks.RetryDeliveryAsync(hook.Id, original.Id);

        Assert.That(redelivered.Success, Is.True);
        Assert.That(redelivered.Attempt, Is.EqualTo(2));
        Assert.That(receiver.Received.Count(r => r.Body.Contains(completed.Id, StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(receiver.Handled.Count(e => e.Id == completed.Id), Is.EqualTo(1));
        var bodies = receiver.Received.Where(r => r.Body.Contains(completed.Id, StringComparison.Ordinal)).Select(r => r.Body).Distinct();
        Assert.That(bodies.Count(), Is.EqualTo(1), "a redelivery sends the very same body");
    }

    [Test]
    public async Task A_failing_receiver_gets_retries_with_backoff_and_the_log_shows_them()
    {
        using var client = NewTenant();
        var secret = NewSecret();
        await using var receiver = await Receiver.StartAsync([secret]);
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = receiver.Url.AbsoluteUri, Events = [WebhookEventType.ExecutionFailed], Secret = secret });
        receiver.FailNext(2);

        await ExecuteWorkflowAsync(client, fail: true);
        await Eventually.HoldsAsync(() => !receiver.Handled.IsEmpty, "the third attempt handled");

        var log = await Eventually.ResultAsync(() => client.Webhooks.ListDeliveriesAsync(hook.Id).ToListAsync(), d => d.Count == 3, "three attempts logged");
        var attempts = log.OrderBy(d => d.Attempt).ToList();
        Assert.That(attempts.Select(d => d.Attempt), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(attempts.Select(d => d.StatusCode), Is.EqualTo(new int?[] { 500, 500, 200 }));
        Assert.That(attempts.Select(d => d.Success), Is.EqualTo(new[] { false, false, true }));
        Assert.That(attempts.Select(d => d.EventId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(attempts[0].Error, Does.Contain("500"));
        // On the real clock only the order is certain (timestamps are whole milliseconds and timers may fire early);
        // the schedule itself is proven on a fake clock in MoreReceiverTests (no retry until the server clock moves).
        Assert.That(attempts.Select(d => d.AttemptedAt), Is.Ordered.Ascending);
        Assert.That(attempts[2].AttemptedAt, Is.GreaterThan(attempts[0].AttemptedAt));
        Assert.That(receiver.Handled.Single().Type, Is.EqualTo(WebhookEventType.ExecutionFailed));
        Assert.That(receiver.Handled.Single().GetExecution().Status, Is.EqualTo(ExecutionStatus.Failed));
    }

    [Test]
    public async Task An_unreachable_endpoint_gets_every_scheduled_retry_then_stops()
    {
        using var client = NewTenant();
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = "http://127.0.0.1:1/nothing", Events = [WebhookEventType.WorkflowExecuted] });

        await ExecuteWorkflowAsync(client);

        var log = await Eventually.ResultAsync(() => client.Webhooks.ListDeliveriesAsync(hook.Id).ToListAsync(), d => d.Count == 4, "1 + 3 retries logged");
        await Task.Delay(400);
        var after = await client.Webhooks.ListDeliveriesAsync(hook.Id).ToListAsync();
        Assert.That(after, Has.Count.EqualTo(4), "no attempts beyond the schedule");
        Assert.That(log.All(d => !d.Success && d.StatusCode is null && d.Error!.Contains("Connection failed", StringComparison.Ordinal)), Is.True);
        Assert.That(log.Select(d => d.Attempt).Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public async Task Rotation_keeps_verification_working_with_the_old_then_both_then_the_new_secret()
    {
        using var client = NewTenant();
        var oldSecret = NewSecret();
        await using var receiver = await Receiver.StartAsync([oldSecret]);
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = receiver.Url.AbsoluteUri, Events = [WebhookEventType.RunCreated], Secret = oldSecret });

        Assert.That((await client.Webhooks.SendTestAsync(hook.Id)).StatusCode, Is.EqualTo(200), "before rotation");

        var rotated = await client.Webhooks.RotateSecretAsync(hook.Id);
        var newSecret = rotated.Secret!;
        Assert.That((await client.Webhooks.SendTestAsync(hook.Id)).StatusCode, Is.EqualTo(200), "receiver still on the old secret");
        var duringGrace = receiver.Received.Last();
        Assert.That(duringGrace.Header("webhook-signature")!.Split(' '), Has.Length.EqualTo(2));
        Assert.DoesNotThrow(() => new WebhookVerifier(newSecret).VerifySignature(Encoding.UTF8.GetBytes(duringGrace.Body), duringGrace.Header("X-BotCadence-Signature")),
            "the seed-scheme signature uses the new secret");

        receiver.SetSecrets([oldSecret, newSecret]);
        Assert.That((await client.Webhooks.SendTestAsync(hook.Id)).StatusCode, Is.EqualTo(200), "receiver on both");

        receiver.SetSecrets([newSecret]);
        Assert.That((await client.Webhooks.SendTestAsync(hook.Id)).StatusCode, Is.EqualTo(200), "receiver on the new secret");

        // Rotating again without a grace period: a receiver holding only the superseded secret now rejects deliveries.
        await client.Webhooks.RotateSecretAsync(hook.Id, new WebhookRotateSecretOptions { GracePeriod = TimeSpan.Zero });
        var rejected = await client.Webhooks.SendTestAsync(hook.Id);
        Assert.That(rejected.StatusCode, Is.EqualTo(400));
        Assert.That(receiver.Handled, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task A_bad_signature_is_400_and_never_reaches_the_handler()
    {
        var secret = NewSecret();
        await using var receiver = await Receiver.StartAsync([secret]);
        using var http = new HttpClient();
        var body = """{"id":"evt_forged","event":"run.created","timestamp":"2026-01-01T00:00:00Z","data":{}}""";
        var headers = WebhookVerifier.Sign(NewSecret(), "evt_forged", DateTimeOffset.UtcNow, body);

        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        using var unsigned = await http.PostAsync(receiver.Url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("NoMatchingSignature"));
        Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unsigned.Content.ReadAsStringAsync(), Does.Contain("MissingHeader"));
        Assert.That(receiver.Handled, Is.Empty);
    }

    [Test]
    public async Task An_untimestamped_signature_is_rejected_unless_the_receiver_opts_in()
    {
        var secret = NewSecret();
        var body = """{"id":"evt_seed_only","event":"run.created","timestamp":"2026-01-01T00:00:00Z","data":{}}""";
        var seedOnly = WebhookVerifier.Sign(secret, "evt_seed_only", DateTimeOffset.UtcNow, body)[WebhookVerifier.BotCadenceSignatureHeader];
        using var http = new HttpClient();

        async Task<HttpResponseMessage> SendAsync(Uri url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(WebhookVerifier.BotCadenceSignatureHeader, seedOnly);
            return await http.SendAsync(request);
        }

        await using (var strict = await Receiver.StartAsync([secret]))
        {
            using var rejected = await SendAsync(strict.Url);
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await rejected.Content.ReadAsStringAsync(), Does.Contain("UntimestampedSignature"));
            Assert.That(strict.Handled, Is.Empty);
        }

        await using var lenient = await Receiver.StartAsync([secret], s => s.Configure<BotCadenceWebhookOptions>(o => o.AllowUntimestampedSignatures = true));
        using var accepted = await SendAsync(lenient.Url);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(lenient.Handled.Single().Id, Is.EqualTo("evt_seed_only"));
    }

    [Test]
    public async Task A_reformatted_body_breaks_the_signature()
    {
        var secret = NewSecret();
        await using var receiver = await Receiver.StartAsync([secret]);
        using var http = new HttpClient();
        var body = """{"id":"evt_1","event":"run.created","timestamp":"2026-01-01T00:00:00Z","data":{"a":1}}""";
        var headers = WebhookVerifier.Sign(secret, "evt_1", DateTimeOffset.UtcNow, body);
        var reserialized = System.Text.Json.Nodes.JsonNode.Parse(body)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        foreach (var (content, expected) in new[] { (reserialized, HttpStatusCode.BadRequest), (body, HttpStatusCode.OK) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(content, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task The_seed_000_node_snippet_verifies_a_real_delivery()
    {
        using var client = NewTenant();
        var secret = NewSecret();
        await using var receiver = await Receiver.StartAsync([secret]);
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = receiver.Url.AbsoluteUri, Events = [WebhookEventType.All], Secret = secret });
        await client.Webhooks.SendTestAsync(hook.Id, new WebhookTestOptions { Event = WebhookEventType.AgentMessageReceived });
        var delivery = receiver.Received.Single();
        var signature = delivery.Header("X-BotCadence-Signature")!;
        Assert.That(signature, Does.StartWith("sha256="));

        var dir = Directory.CreateTempSubdirectory("botcadence-node-");
        try
        {
            var bodyPath = Path.Combine(dir.FullName, "payload.json");
            await File.WriteAllBytesAsync(bodyPath, Encoding.UTF8.GetBytes(delivery.Body));
            var script = Path.Combine(dir.FullName, "verify.js");
            await File.WriteAllTextAsync(script, $$"""
                const crypto = require('crypto');
                function verifySignature(payload, signature, secret) {
                const hmac = crypto.createHmac('sha256', secret);
                const digest = hmac.update(payload).digest('hex');
                return crypto.timingSafeEqual(
                Buffer.from(signature),
                Buffer.from(digest)
                );
                }
                const payload = require('fs').readFileSync({{System.Text.Json.JsonSerializer.Serialize(bodyPath)}});
                console.log(verifySignature(payload, {{System.Text.Json.JsonSerializer.Serialize(signature["sha256=".Length..])}}, {{System.Text.Json.JsonSerializer.Serialize(secret)}}));
                """);
            using var node = Process.Start(new ProcessStartInfo("node", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await node.StandardOutput.ReadToEndAsync();
            var errors = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();

            Assert.That(node.ExitCode, Is.Zero, errors);
            Assert.That(output.Trim(), Is.EqualTo("true"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_distributed_cache_replay_store_drops_a_redelivery_across_receivers()
    {
        using var client = NewTenant();
        var secret = NewSecret();
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        void Shared(IServiceCollection services)
        {
            services.AddSingleton<IDistributedCache>(shared);
            services.AddBotCadenceWebhookDistributedReplayStore();
        }

        await using var first = await Receiver.StartAsync([secret], Shared);
        await using var second = await Receiver.StartAsync([secret], Shared);
        var hookA = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = first.Url.AbsoluteUri, Events = [WebhookEventType.RunCreated], Secret = secret });

        var delivery = await client.Webhooks.SendTestAsync(hookA.Id);
        Assert.That(first.Handled, Has.Count.EqualTo(1));

        // The second instance receives the same event (as a load balancer would route a redelivery): dropped.
        var original = first.Received.Single();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, second.Url) { Content = new StringContent(original.Body, Encoding.UTF8, "application/json") };
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature", "X-BotCadence-Signature" })
        {
            request.Headers.TryAddWithoutValidation(name, original.Header(name));
        }

        using var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.Handled, Is.Empty);
        Assert.That(delivery.EventId, Is.EqualTo(first.Handled.Single().Id));
    }

    [Test]
    public async Task A_throwing_handler_is_500_and_the_event_is_handled_on_the_next_attempt()
    {
        var secret = NewSecret();
        await using var receiver = await Receiver.StartAsync([secret]);
        receiver.FailNext(1);
        using var http = new HttpClient();
        var body = """{"id":"evt_retry","event":"user.created","timestamp":"2026-01-01T00:00:00Z","data":{}}""";

        async Task<HttpStatusCode> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in WebhookVerifier.Sign(secret, "evt_retry", DateTimeOffset.UtcNow, body))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.That(await SendAsync(), Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await SendAsync(), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SendAsync(), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(receiver.Handled.Select(e => e.Id), Is.EqualTo(new[] { "evt_retry" }));
    }

    [Test]
    public async Task The_in_memory_replay_store_forgets_handled_ids_after_the_window()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryWebhookReplayStore(clock);
        var lease = TimeSpan.FromSeconds(30);

        var claim = await store.TryClaimAsync("evt_1", lease, CancellationToken.None);
        Assert.That(claim.Status, Is.EqualTo(WebhookClaimStatus.Claimed));
        await store.CompleteAsync("evt_1", claim.Token!, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.That((await store.TryClaimAsync("evt_1", lease, CancellationToken.None)).Status, Is.EqualTo(WebhookClaimStatus.Handled));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That((await store.TryClaimAsync("evt_1", lease, CancellationToken.None)).Status, Is.EqualTo(WebhookClaimStatus.Claimed));
    }

}

internal static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
