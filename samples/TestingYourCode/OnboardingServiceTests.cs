using Botcadence.Sdk.Testing;

namespace TestingYourCode;

/// <summary>The user's service, tested three ways: the in-process test server, a fault, and a mock built from the fakes.</summary>
[TestFixture]
public sealed class OnboardingServiceTests
{
    [Test]
    public async Task Provisions_an_active_workflow_and_reacts_to_its_completed_execution()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        using var client = server.CreateClient();
        var service = new OnboardingService(client.Workflows, client.Webhooks);
        server.Webhooks.OnReceived((request, _) => Task.FromResult(service.HandleWebhook(request.Body, request.Headers)));

        var workflow = await service.ProvisionAsync("Acme", server.Webhooks.ReceiverUrl);
        var execution = await client.Workflows.ExecuteAsync(workflow.Id, cancellationToken: CancellationToken.None);
        var delivery = await server.Webhooks.WaitForDeliveryAsync(d => d.EventType == "execution.completed");

        Assert.That(delivery.Success, Is.True, "the service accepted the signed delivery");
        Assert.That(service.CompletedExecutions[execution.Id], Is.EqualTo(workflow.Id));
        Assert.That(server.State.Workflows().Single().Status, Is.EqualTo(WorkflowStatus.Active));
        Assert.That(server.State.Webhooks().Single().Events, Is.EqualTo(new[] { WebhookEventType.ExecutionCompleted }));
    }

    [Test]
    public async Task Provisioning_creates_one_workflow_even_when_the_create_response_is_lost()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        using var client = server.CreateClient();
        var service = new OnboardingService(client.Workflows, client.Webhooks);
        server.Faults.Enqueue("POST", "/v1/workflows", Fault.LoseResponse);

        var workflow = await service.ProvisionAsync("Acme", server.Webhooks.ReceiverUrl);

        Assert.That(server.Faults.Injected, Has.Count.EqualTo(1));
        Assert.That(server.State.Workflows().Select(w => w.Id), Is.EqualTo(new[] { workflow.Id }), "the SDK retried with the same idempotency key");
    }

    [Test]
    public async Task Rejects_a_webhook_with_a_bad_signature()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        using var client = server.CreateClient();
        var service = new OnboardingService(client.Workflows, client.Webhooks);
        await service.ProvisionAsync("Acme", server.Webhooks.ReceiverUrl);

        var forged = SignedWebhookRequest.Create("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", WebhookEventType.ExecutionCompleted,
            System.Text.Json.JsonSerializer.SerializeToElement(new { id = "exec_forged", workflow_id = "wf_x" }));

        Assert.That(service.HandleWebhook(forged.Body, forged.Headers), Is.EqualTo(400));
        Assert.That(service.CompletedExecutions, Is.Empty);
    }

    [Test]
    public async Task Counts_active_workflows_across_pages_with_a_mocked_client()
    {
        var workflows = Fake<IWorkflowsClient>.Create(new()
        {
            ["ListAsync"] = _ => AsyncPageable.FromValues(
            [
                BotCadenceModelFactory.Workflow(id: "wf_1", status: WorkflowStatus.Active),
                BotCadenceModelFactory.Workflow(id: "wf_2", status: WorkflowStatus.Draft),
                BotCadenceModelFactory.Workflow(id: "wf_3", status: WorkflowStatus.Active),
            ], pageSize: 2),
        });
        var service = new OnboardingService(workflows, Fake<IWebhooksClient>.Create([]));

        Assert.That(await service.CountActiveAsync(), Is.EqualTo(2));
    }
}
