using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.Testing.Tests;

/// <summary>Each fault kind, through the SDK's retry and idempotency handling, against the server's real state.</summary>
[TestFixture]
public sealed class FaultTests
{
    private static WorkflowCreateOptions NewWorkflow(string name) => new() { Name = name, Trigger = new WorkflowTriggerOptions { Type = "webhook" } };

    [Test]
    public async Task A_lost_create_response_is_retried_with_the_same_idempotency_key_and_leaves_one_workflow()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        using var client = server.CreateClient();
        server.Faults.Enqueue("POST", "/v1/workflows", Fault.LoseResponse);

        var created = await client.Workflows.CreateAsync(NewWorkflow("Onboarding"), cancellationToken: CancellationToken.None);

        var stored = server.State.Workflows();
        Assert.That(stored, Has.Count.EqualTo(1), "the create ran once: the retry got the stored first response");
        Assert.That(stored[0].Id, Is.EqualTo(created.Id));
        Assert.That(server.Faults.Injected.Single().Fault.Kind, Is.EqualTo(FaultKind.LoseResponse));
    }

    [Test]
    public async Task Without_retries_a_lost_response_is_a_network_error_yet_the_workflow_exists()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        using var client = server.CreateClient(configure: o => o.MaxRetries = 0);
        server.Faults.Enqueue(Fault.LoseResponse);

        await Assert.ThrowsAsync<BotCadenceNetworkException>(() => client.Workflows.CreateAsync(NewWorkflow("Lost"), cancellationToken: CancellationToken.None));

        Assert.That(server.State.Workflows().Select(w => w.Name), Is.EqualTo(new[] { "Lost" }));
    }

    [Test]
    public async Task A_429_with_Retry_After_is_waited_for_on_the_fake_clock_then_the_call_succeeds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var server = await BotCadenceTestServer.StartAsync(clock);
        var workflow = await server.Seed.ActiveWorkflowAsync(cancellationToken: CancellationToken.None);
        using var client = server.CreateClient();
        server.Faults.Enqueue(Fault.RateLimited(retryAfter: TimeSpan.FromSeconds(2)));

        var call = client.Workflows.GetAsync(workflow.Id, cancellationToken: CancellationToken.None);
        await WaitUntilAsync(() => server.Faults.Injected.Count == 1);
        await Task.Delay(100);
        Assert.That(call.IsCompleted, Is.False, "waiting for Retry-After on the fake clock");
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        Assert.That(call.IsCompleted, Is.False, "one second is not enough");
        clock.Advance(TimeSpan.FromSeconds(1));

        var fetched = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(fetched.Id, Is.EqualTo(workflow.Id));
    }

    [Test]
    public async Task A_503_then_success_is_retried()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        var workflow = await server.Seed.ActiveWorkflowAsync(cancellationToken: CancellationToken.None);
        using var client = server.CreateClient();
        server.Faults.Enqueue(Fault.ServiceUnavailable);

        var fetched = await client.Workflows.GetAsync(workflow.Id, cancellationToken: CancellationToken.None);

        Assert.That(fetched.Status, Is.EqualTo(WorkflowStatus.Active));
        Assert.That(server.Faults.Pending, Is.Zero);
    }

    [Test]
    public async Task A_proxy_502_html_page_beyond_the_retries_surfaces_as_a_server_exception()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        using var client = server.CreateClient(configure: o => o.MaxRetries = 2);
        for (var i = 0; i < 3; i++)
        {
            server.Faults.Enqueue(Fault.Status(502, "<html><body>Bad gateway</body></html>"));
        }

        var ex = await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.GetAsync("wf_any", cancellationToken: CancellationToken.None));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(server.Faults.Injected, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_reset_connection_then_success_creates_exactly_one_workflow()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        using var client = server.CreateClient();
        server.Faults.Enqueue("POST", "/v1/workflows", Fault.ResetConnection);

        var created = await client.Workflows.CreateAsync(NewWorkflow("Reset"), cancellationToken: CancellationToken.None);

        Assert.That(server.State.Workflows().Single().Id, Is.EqualTo(created.Id));
        Assert.That(server.Faults.Injected.Single().Fault.Kind, Is.EqualTo(FaultKind.ResetConnection));
    }

    [Test]
    public async Task A_delay_holds_the_request_until_the_fake_clock_passes_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var server = await BotCadenceTestServer.StartAsync(clock);
        var workflow = await server.Seed.ActiveWorkflowAsync(cancellationToken: CancellationToken.None);
        // The client shares the fake clock: its attempt timeout must outlast the delay, or advancing the clock ends both.
        using var client = server.CreateClient(configure: o => o.AttemptTimeout = TimeSpan.FromMinutes(2));
        server.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(30)));

        var call = client.Workflows.GetAsync(workflow.Id, cancellationToken: CancellationToken.None);
        await WaitUntilAsync(() => server.Faults.Injected.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.That(call.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That((await call.WaitAsync(TimeSpan.FromSeconds(10))).Id, Is.EqualTo(workflow.Id));
    }

    [Test]
    public async Task A_route_fault_waits_for_its_route_and_leaves_other_requests_alone()
    {
        await using var server = await BotCadenceTestServer.StartAsync();
        var workflow = await server.Seed.DraftWorkflowAsync(cancellationToken: CancellationToken.None);
        using var client = server.CreateClient(configure: o => o.MaxRetries = 0);
        server.Faults.Enqueue("POST", "/v1/workflows/{workflowId}/activate", Fault.ServiceUnavailable);

        await client.Workflows.GetAsync(workflow.Id, cancellationToken: CancellationToken.None);
        Assert.That(server.Faults.Pending, Is.EqualTo(1));

        await Assert.ThrowsAsync<BotCadenceServerException>(() => client.Workflows.ActivateAsync(workflow.Id, cancellationToken: CancellationToken.None));
        Assert.That(server.Faults.Injected.Single().Path, Is.EqualTo($"/v1/workflows/{workflow.Id}/activate"));
        Assert.That(server.State.Workflows().Single().Status, Is.EqualTo(WorkflowStatus.Draft), "the faulted activate never ran");
    }

    [Test]
    public async Task A_seeded_random_fault_rate_is_reproducible_and_retries_absorb_it()
    {
        async Task<IReadOnlyList<string>> RunAsync()
        {
            await using var server = await BotCadenceTestServer.StartAsync();
            using var client = server.CreateClient(configure: o => o.MaxRetries = 10);
            server.Faults.InjectRandomly(rate: 0.4, seed: 7, [Fault.ServiceUnavailable, Fault.ResetConnection], method: "GET");
            for (var i = 0; i < 10; i++)
            {
                await foreach (var unused in client.Workflows.ListAsync(cancellationToken: CancellationToken.None))
                {
                }
            }

            return server.Faults.Injected.Select(f => f.Fault.Description).ToList();
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.That(first, Is.Not.Empty);
        Assert.That(second, Is.EqualTo(first));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "condition not met in time");
            await Task.Delay(10);
        }
    }
}
