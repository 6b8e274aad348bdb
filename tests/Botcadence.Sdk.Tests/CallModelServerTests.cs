using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Botcadence.Sdk.Tests;

/// <summary>The call model against the real reference server: idempotency across restarts, keyed clients, each call's own response.</summary>
[TestFixture]
public sealed class CallModelServerTests
{
    private static BotCadenceClientOptions OptionsFor(string apiKey) =>
        new() { ApiKey = apiKey, BaseAddress = ServerFixture.Server.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(5) };

    [Test]
    public async Task The_same_idempotency_key_in_two_separate_runs_makes_exactly_one_workflow()
    {
        var (_, org, key) = ServerFixture.NewTenant();
        var options = new RequestOptions { IdempotencyKey = $"k1-{org.Id}" };

        // Two clients stand for two runs of a program that was killed between them.
        Workflow first, second;
        using (var run1 = new BotCadenceClient(OptionsFor(key.Key)))
        {
            first = await run1.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "once" }, options);
        }

        using (var run2 = new BotCadenceClient(OptionsFor(key.Key)))
        {
            second = await run2.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "once" }, options);
            var all = await run2.Workflows.ListAsync().ToListAsync();
            Assert.That(all.Select(w => w.Id), Is.EqualTo(new[] { first.Id }), "exactly one workflow");
        }

        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(first.Response!.IdempotencyReplayed, Is.False);
        Assert.That(second.Response!.IdempotencyReplayed, Is.True);
        Assert.That(second.Response.IdempotencyKey, Is.EqualTo(options.IdempotencyKey));
    }

    [Test]
    public async Task After_the_retries_ran_out_repeating_with_the_exceptions_key_does_not_duplicate()
    {
        var (_, _, key) = ServerFixture.NewTenant();
        var brokenOptions = OptionsFor(key.Key);
        brokenOptions.MaxRetries = 2;
        using var broken = new BotCadenceClient(brokenOptions, new LoseEveryResponse());

        var ex = await Assert.ThrowsAsync<BotCadenceNetworkException>(() => broken.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "lost thrice" }));
        Assert.That(ex!.IdempotencyKey, Is.Not.Null);
        Assert.That(ex.Attempts, Is.EqualTo(3));

        using var client = new BotCadenceClient(OptionsFor(key.Key));
        var repeated = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "lost thrice" }, new RequestOptions { IdempotencyKey = ex.IdempotencyKey });

        Assert.That(repeated.Response!.IdempotencyReplayed, Is.True);
        Assert.That((await client.Workflows.ListAsync().ToListAsync()).Select(w => w.Id), Is.EqualTo(new[] { repeated.Id }));
    }

    [Test]
    public async Task Thirty_two_parallel_calls_on_one_client_each_read_their_own_request_id()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var created = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "shared" });

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            client.Workflows.GetAsync(created.Id, new RequestOptions { Headers = { ["X-Request-Id"] = $"req-parallel-{i}" } })));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.That(results[i].Response!.RequestId, Is.EqualTo($"req-parallel-{i}"));
            Assert.That(results[i].Response!.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Two_keyed_clients_of_two_organizations_live_in_one_container()
    {
        var (_, orgA, keyA) = ServerFixture.NewTenant();
        var (_, orgB, keyB) = ServerFixture.NewTenant();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotCadence:B:ApiKey"] = keyB.Key,
            ["BotCadence:B:BaseAddress"] = ServerFixture.Server.BaseAddress.AbsoluteUri,
            ["BotCadence:B:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddBotCadence("a", o => { o.ApiKey = keyA.Key; o.BaseAddress = ServerFixture.Server.BaseAddress; o.MaxRetries = 4; });
        services.AddBotCadence("b", configuration.GetSection("BotCadence:B"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var a = provider.GetRequiredKeyedService<IBotCadenceClient>("a");
        var b = provider.GetRequiredKeyedService<IBotCadenceClient>("b");
        var factory = provider.GetRequiredService<IBotCadenceClientFactory>();
        Assert.That(factory.CreateClient("a"), Is.SameAs(a));
        Assert.That(factory.CreateClient("b"), Is.SameAs(b));
        Assert.That(a, Is.Not.SameAs(b));
        Assert.That(provider.GetService<IBotCadenceClient>(), Is.Null, "no unnamed client was registered");
        Assert.Throws<InvalidOperationException>(() => factory.CreateClient("c"));
        var monitor = provider.GetRequiredService<IOptionsMonitor<BotCadenceClientOptions>>();
        Assert.That(monitor.Get("a").MaxRetries, Is.EqualTo(4));
        Assert.That(monitor.Get("b").MaxRetries, Is.EqualTo(1));

        var inA = await a.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "in " + orgA.Id });
        var inB = await b.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "in " + orgB.Id });

        Assert.That((await a.Workflows.ListAsync().ToListAsync()).Select(w => w.Id), Is.EqualTo(new[] { inA.Id }));
        Assert.That((await b.Workflows.ListAsync().ToListAsync()).Select(w => w.Id), Is.EqualTo(new[] { inB.Id }));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => a.Workflows.GetAsync(inB.Id));
    }

    [Test]
    public void A_named_client_is_validated_at_start_up_and_the_unnamed_one_keeps_working()
    {
        var services = new ServiceCollection();
        services.AddBotCadence(o => o.ApiKey = "sk_test_unnamed");
        services.AddBotCadence("broken", o => { o.ApiKey = "sk_test_x"; o.AttemptTimeout = TimeSpan.Zero; });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.OptionsName, Is.EqualTo("broken"));
        Assert.That(ex.Failures, Has.Some.Contains("AttemptTimeout"));
        Assert.That(provider.GetRequiredService<IBotCadenceClientFactory>().CreateClient(""), Is.SameAs(provider.GetRequiredService<IBotCadenceClient>()));
    }

    [Test]
    public async Task A_timeout_set_through_ConfigureHttpClient_is_honoured_not_overwritten()
    {
        var (_, _, key) = ServerFixture.NewTenant();
        var services = new ServiceCollection();
        services.AddBotCadence(o => { o.ApiKey = key.Key; o.BaseAddress = ServerFixture.Server.BaseAddress; })
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromMilliseconds(1));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBotCadenceClient>();

        // One millisecond cannot fit a round trip: the user's HttpClient timeout ends the call as a timeout.
        await Assert.ThrowsAsync<BotCadenceTimeoutException>(() => client.Workflows.ListAsync().ToListAsync());
    }

    [Test]
    public async Task A_delete_whose_response_was_lost_is_retried_and_succeeds_through_the_reference_server()
    {
        var (client, _, key) = ServerFixture.NewTenant();
        using var clientScope = client;
        if (!await ServerReplaysDeleteAsync(key.Key))
        {
            Assert.Inconclusive("This reference server does not replay DELETE for a repeated Idempotency-Key yet (server-hardening branch).");
        }

        var workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "to delete" });
        var transport = new LoseFirstResponse();
        using var lossy = new BotCadenceClient(OptionsFor(key.Key), transport);

        var info = await lossy.Workflows.DeleteAsync(workflow.Id);

        Assert.That(transport.Sent, Is.EqualTo(2));
        Assert.That(info.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(info.IdempotencyReplayed, Is.True);
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(() => client.Workflows.GetAsync(workflow.Id));
    }

    private static async Task<bool> ServerReplaysDeleteAsync(string apiKey)
    {
        using var client = new BotCadenceClient(OptionsFor(apiKey));
        var probe = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "replay probe" });
        var options = new RequestOptions { IdempotencyKey = "probe-" + probe.Id };
        await client.Workflows.DeleteAsync(probe.Id, options);
        try
        {
            return (await client.Workflows.DeleteAsync(probe.Id, options)).IdempotencyReplayed;
        }
        catch (BotCadenceNotFoundException)
        {
            return false;
        }
    }

    private sealed class LoseEveryResponse() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (await base.SendAsync(request, cancellationToken)).Dispose();
            throw new HttpRequestException("connection reset after the server processed the request");
        }
    }

    private sealed class LoseFirstResponse() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sent;

        public int Sent => _sent;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _sent) == 1)
            {
                response.Dispose();
                throw new HttpRequestException("connection reset after the server processed the request");
            }

            return response;
        }
    }
}
