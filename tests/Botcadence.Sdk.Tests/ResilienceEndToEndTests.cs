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
        using var clientScope = client;

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = $"wf {i}" })));
        var fetched = await Task.WhenAll(created.Select(w => client.Workflows.GetAsync(w.Id)));

        Assert.That(created.Select(w => w.Id).Distinct().Count(), Is.EqualTo(40));
        Assert.That(fetched.Select(w => w.Name), Is.EquivalentTo(created.Select(w => w.Name)));
        // Each result carries its own response: 80 distinct request ids, each remaining count within the 80 calls' window.
        var responses = created.Concat(fetched).Select(w => w.Response!).ToList();
        Assert.That(responses.Select(r => r.RequestId).Distinct().Count(), Is.EqualTo(80));
        Assert.That(responses.Select(r => r.RateLimit!.Remaining), Is.All.InRange(responses[0].RateLimit!.Limit - 80, responses[0].RateLimit!.Limit - 1));
    }

    [Test]
    public async Task A_page_reports_its_own_response_even_when_another_call_finishes_first()
    {
        // The first page's body is held back until a second call has completed: each page still reports its own response.
        var transport = new HeldFirstBody();
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri("http://held.invalid/v1/") }, transport);

        var first = Task.Run(async () =>
        {
            await using var pages = client.Workflows.ListAsync().AsPages().GetAsyncEnumerator();
            await pages.MoveNextAsync();
            return pages.Current;
        });
        await transport.FirstBodyRequested.Task;
        var second = client.Workflows.ListAsync().AsPages().GetAsyncEnumerator();
        await second.MoveNextAsync();
        transport.ReleaseFirstBody.SetResult();
        var page = await first;

        Assert.That(second.Current.Response.RequestId, Is.EqualTo("req_second"));

        Assert.That(page.Response.RequestId, Is.EqualTo("req_first"));
    }

    /// <summary>Answers two list calls; the first one's body arrives only when released.</summary>
    private sealed class HeldFirstBody : HttpMessageHandler
    {
        private const string Body = """{"data":[],"total":0,"page":1,"per_page":20}""";
        private int _calls;

        /// <summary>Set when the client starts reading the first body, i.e. after it recorded the first response.</summary>
        public TaskCompletionSource FirstBodyRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseFirstBody { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isFirst = Interlocked.Increment(ref _calls) == 1;
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = isFirst ? new GatedContent(Body, FirstBodyRequested, ReleaseFirstBody.Task) : new StringContent(Body),
            };
            response.Headers.TryAddWithoutValidation("X-Request-Id", isFirst ? "req_first" : "req_second");
            return Task.FromResult(response);
        }
    }

    private sealed class GatedContent(string body, TaskCompletionSource requested, Task gate) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            requested.TrySetResult();
            await gate;
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
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
