namespace Botcadence.Sdk.Tests;

/// <summary>The pipeline's promises, proven against the real reference server.</summary>
[TestFixture]
public sealed class ResilienceEndToEndTests
{
    [Test]
    public async Task A_create_whose_response_is_lost_is_retried_and_replayed_not_duplicated()
    {
        var org = ServerFixture.Server.CreateOrganization("lost-response");
        var key = ServerFixture.Server.CreateApiKey(org.Id);
        var transport = new LoseFirstResponse();
        using var client = new BotCadenceClient(
            new BotCadenceClientOptions { ApiKey = key.Key, BaseAddress = ServerFixture.Server.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(5) },
            transport);

        var created = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "exactly once" });

        Assert.That(transport.Attempts, Is.EqualTo(2), "the lost response was retried");
        Assert.That(transport.ReplayedHeader, Is.EqualTo("true"), "the server replayed the first result");
        var all = await client.Workflows.ListAsync().ToListAsync();
        Assert.That(all.Select(w => w.Id), Is.EqualTo(new[] { created.Id }), "one workflow, not two");
    }

    [Test]
    public async Task One_client_serves_concurrent_calls()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var _c = client;

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = $"wf {i}" })));
        var fetched = await Task.WhenAll(created.Select(w => client.Workflows.GetAsync(w.Id)));

        Assert.That(created.Select(w => w.Id).Distinct().Count(), Is.EqualTo(40));
        Assert.That(fetched.Select(w => w.Name), Is.EquivalentTo(created.Select(w => w.Name)));
        // LastResponse is whichever response finished last: any of the 80, so its remaining count is in that window.
        var rateLimit = client.LastResponse!.RateLimit!;
        Assert.That(rateLimit.Remaining, Is.InRange(rateLimit.Limit - 80, rateLimit.Limit - 1));
    }

    /// <summary>Sends the request for real, then drops the first response as if the connection broke.</summary>
    private sealed class LoseFirstResponse : DelegatingHandler
    {
        public LoseFirstResponse() : base(new SocketsHttpHandler()) { }

        public int Attempts { get; private set; }

        public string? ReplayedHeader { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (++Attempts == 1)
            {
                response.Dispose();
                throw new HttpRequestException("connection reset after the server processed the request");
            }

            ReplayedHeader = response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null;
            return response;
        }
    }
}
