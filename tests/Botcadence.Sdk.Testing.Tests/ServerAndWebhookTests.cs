using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.Testing.Tests;

/// <summary>The test server's organizations, keys, clock, seeding, state and webhook side.</summary>
[TestFixture]
public sealed class ServerAndWebhookTests
{
    [Test]
    public async Task Keys_carry_the_chosen_scopes_and_expire_on_the_fake_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var server = await BotCadenceTestServer.StartAsync(clock);
        var starter = server.CreateOrganization("Starter Co", plan: "starter");
        var key = server.CreateApiKey(starter.Id, scopes: ["workflows:read"], expiresAt: clock.GetUtcNow().AddHours(1));
        using var client = server.CreateClient(key.Key, o => o.MaxRetries = 0);

        await foreach (var unused in client.Workflows.ListAsync(cancellationToken: CancellationToken.None))
        {
        }

        await Assert.ThrowsAsync<BotCadencePermissionException>(() =>
            client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "x", Trigger = new WorkflowTriggerOptions { Type = "webhook" } }, cancellationToken: CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(2));
        await Assert.ThrowsAsync<BotCadenceAuthenticationException>(() => client.Workflows.GetAsync("wf_1", cancellationToken: CancellationToken.None));
    }

    [Test]
    public async Task Seeding_helpers_create_real_resources_the_state_shows()
    {
        await using var server = await BotCadenceTestServer.StartAsync();

        var workflow = await server.Seed.ActiveWorkflowAsync("Welcome", cancellationToken: CancellationToken.None);
        var template = await server.Seed.PublishedTemplateAsync("Onboarding", ["Sign contract", "Set up laptop"], CancellationToken.None);
        var form = await server.Seed.FormAsync("Signup", cancellationToken: CancellationToken.None);

        Assert.That(server.State.Workflows().Single(), Has.Property(nameof(Workflow.Id)).EqualTo(workflow.Id).And.Property(nameof(Workflow.Status)).EqualTo(WorkflowStatus.Active));
        Assert.That(server.State.Templates().Single(t => t.Id == template.Id).Status, Is.EqualTo(TemplateStatus.Published));
        Assert.That(server.State.Templates().Single(t => t.Id == template.Id).Tasks.Select(t => t.Name), Is.EqualTo(new[] { "Sign contract", "Set up laptop" }));
        Assert.That(server.State.Forms().Select(f => f.Id), Does.Contain(form.Id));
        Assert.That(server.Faults.Injected, Is.Empty);
    }

    [Test]
    public async Task Deliveries_record_what_the_server_sent_and_the_receiver_got_it_signed()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        var subscription = await server.Seed.WebhookSubscriptionAsync([WebhookEventType.ExecutionCompleted], cancellationToken: CancellationToken.None);
        var workflow = await server.Seed.ActiveWorkflowAsync(cancellationToken: CancellationToken.None);
        using var client = server.CreateClient();

        var execution = await client.Workflows.ExecuteAsync(workflow.Id, cancellationToken: CancellationToken.None);
        var delivery = await server.Webhooks.WaitForDeliveryAsync(d => d.EventType == "execution.completed");

        Assert.That(delivery.Success, Is.True);
        Assert.That(delivery.WebhookId, Is.EqualTo(subscription.Id));
        Assert.That(delivery.Url, Is.EqualTo(server.Webhooks.ReceiverUrl.ToString()));
        Assert.That(delivery.Body, Does.Contain(execution.Id));
        var received = server.Webhooks.Received.Single();
        var verified = new WebhookVerifier(subscription.Secret!).Verify(received.Body, received.Headers);
        Assert.That(verified.Id, Is.EqualTo(delivery.EventId));
        Assert.That(verified.Type, Is.EqualTo(WebhookEventType.ExecutionCompleted));
    }

    [Test]
    public async Task A_failing_receiver_handler_makes_the_server_retry()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        var calls = 0;
        server.Webhooks.OnReceived((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? 500 : 200));
        await server.Seed.WebhookSubscriptionAsync([WebhookEventType.ExecutionCompleted], cancellationToken: CancellationToken.None);
        var workflow = await server.Seed.ActiveWorkflowAsync(cancellationToken: CancellationToken.None);
        using var client = server.CreateClient();

        await client.Workflows.ExecuteAsync(workflow.Id, cancellationToken: CancellationToken.None);
        await server.Webhooks.WaitForDeliveryAsync(d => d.Success);

        var attempts = server.Webhooks.Deliveries;
        Assert.That(attempts.Select(d => (d.Attempt, d.StatusCode)), Is.EqualTo(new (int, int?)[] { (1, 500), (2, 200) }));
        Assert.That(attempts.Select(d => d.EventId).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void A_signed_request_verifies_with_both_schemes_and_fails_when_tampered()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var request = SignedWebhookRequest.Create(secret, WebhookEventType.FormSubmitted, JsonSerializer.SerializeToElement(new { form_id = "form_1" }));

        Assert.That(request.Headers.Keys, Is.SupersetOf(new[] { "X-BotCadence-Signature", "webhook-id", "webhook-timestamp", "webhook-signature" }));
        var verifier = new WebhookVerifier(secret);
        var evt = verifier.Verify(request.Body, request.Headers);
        Assert.That(evt.Id, Is.EqualTo(request.EventId));
        Assert.That(evt.Data.GetProperty("form_id").GetString(), Is.EqualTo("form_1"));
        Assert.DoesNotThrow(() => verifier.VerifySignature(System.Text.Encoding.UTF8.GetBytes(request.Body), request.Headers["X-BotCadence-Signature"]));

        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(request.Body.Replace("form_1", "form_2", StringComparison.Ordinal), request.Headers));
        using var message = request.ToHttpRequestMessage(new Uri("http://127.0.0.1/webhooks"));
        Assert.That(message.Headers.GetValues("webhook-id").Single(), Is.EqualTo(request.EventId));
    }
}
