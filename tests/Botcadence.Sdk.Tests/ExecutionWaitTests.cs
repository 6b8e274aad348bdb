using System.Diagnostics;
using System.Text.Json;

namespace Botcadence.Sdk.Tests;

/// <summary>Issue 15 point 6: one deadline for a wait, the call's timeout as an overall bound, execute-and-wait with backoff.</summary>
[TestFixture]
public sealed class ExecutionWaitTests
{
    private static WorkflowCreateOptions Slow(int delayMs) => new()
    {
        Name = "slow",
        Status = WorkflowStatus.Active,
        Actions = [new WorkflowActionOptions { Type = "log", Config = JsonSerializer.SerializeToElement(new { delay_ms = delayMs }) }],
    };

    [Test]
    public async Task ExecuteAndWait_starts_and_returns_the_finished_execution_with_its_input()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(Slow(50));

        var done = await client.Workflows.ExecuteAndWaitAsync(workflow.Id, JsonSerializer.SerializeToElement(new { firstName = "Ada" }),
            new ExecutionWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(10) });

        Assert.That(done.Status, Is.EqualTo(ExecutionStatus.Completed));
        Assert.That(done.Input!.Value.GetProperty("firstName").GetString(), Is.EqualTo("Ada"));
        Assert.That(await client.Executions.ListForWorkflowAsync(workflow.Id).ToListAsync(), Has.Count.EqualTo(1), "started once");
    }

    [Test]
    public async Task WaitForCompletion_gives_up_at_its_own_deadline()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(Slow(60_000));
        var started = await client.Workflows.ExecuteAsync(workflow.Id);

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<BotCadenceTimeoutException>(() =>
            client.Executions.WaitForCompletionAsync(started.Id, new ExecutionWaitOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(ex!.Message, Does.Contain("deadline"));
    }

    [Test]
    public async Task WaitForCompletion_honours_the_calls_timeout_as_the_overall_bound()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(Slow(60_000));

        await Assert.ThrowsAsync<BotCadenceTimeoutException>(() =>
            client.Workflows.ExecuteAndWaitAsync(workflow.Id, requestOptions: new RequestOptions { Timeout = TimeSpan.FromMilliseconds(400) }));
    }

    [Test]
    public async Task The_callers_token_still_cancels_rather_than_times_out()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var workflow = await client.Workflows.CreateAsync(Slow(60_000));
        var started = await client.Workflows.ExecuteAsync(workflow.Id);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(
            async () => await client.Executions.WaitForCompletionAsync(started.Id, new ExecutionWaitOptions { Timeout = TimeSpan.FromMinutes(5) }, cancellationToken: cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task The_deadline_is_measured_on_the_clients_TimeProvider()
    {
        var (owner, _, key) = ServerFixture.NewTenant();
        using var ownerScope = owner;
        var workflow = await owner.Workflows.CreateAsync(Slow(60_000));
        var started = await owner.Workflows.ExecuteAsync(workflow.Id);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = new BotCadenceClient(
            new BotCadenceClientOptions { ApiKey = key.Key, BaseAddress = ServerFixture.Server.BaseAddress, AttemptTimeout = TimeSpan.FromHours(12), Timeout = TimeSpan.FromHours(12) },
            transport: null, loggerFactory: null, timeProvider: clock);

        var wait = client.Executions.WaitForCompletionAsync(started.Id, new ExecutionWaitOptions { Timeout = TimeSpan.FromHours(1), MaxPollInterval = TimeSpan.FromMinutes(1) });
        await Task.Delay(200);
        Assert.That(wait.IsCompleted, Is.False, "an hour has not passed on the client's clock");
        for (var i = 0; i < 200 && !wait.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        Assert.That(async () => await wait.WaitAsync(TimeSpan.FromSeconds(30)), Throws.InstanceOf<BotCadenceTimeoutException>());
        Assert.That(clock.GetUtcNow() - clock.Start, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public async Task Polling_backs_off()
    {
        var counter = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var (owner, org, key) = ServerFixture.NewTenant();
        owner.Dispose();
        using var client = new BotCadenceClient(
            new BotCadenceClientOptions { ApiKey = key.Key, BaseAddress = ServerFixture.Server.BaseAddress }, counter, loggerFactory: null);
        var workflow = await client.Workflows.CreateAsync(Slow(1_500));

        var done = await client.Workflows.ExecuteAndWaitAsync(workflow.Id, waitOptions: new ExecutionWaitOptions
        {
            InitialPollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromSeconds(10),
        });

        Assert.That(done.Status.IsTerminal, Is.True);
        // 1.5 s at a fixed 10 ms would be ~150 polls; doubling from 10 ms needs at most ~9 (10+20+…+1280 ms).
        Assert.That(counter.Gets, Is.InRange(2, 12));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _gets;

        public int Gets => Volatile.Read(ref _gets);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("/executions/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _gets);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
