using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Botcadence.ReferenceServer;

namespace Botcadence.Sdk.Tests;

/// <summary>
/// <c>PrefetchNextPage</c> on the list options: the next page is requested while the current one is consumed, against the
/// real reference server. A per-call handler sees (and, where a test needs it, holds or fails) each page request.
/// </summary>
public sealed class PagingPrefetchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Test]
    public async Task Page_style_prefetch_yields_every_item_once_in_order()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        for (var i = 0; i < 11; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wf " + i });
        }

        var plain = await client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 3 }).Select(w => w.Id).ToListAsync();
        var prefetched = await client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 3, PrefetchNextPage = true }).Select(w => w.Id).ToListAsync();
        var pages = await client.Workflows.ListAsync(new WorkflowListOptions { PrefetchNextPage = true }).AsPages(pageSizeHint: 4).ToListAsync();

        Assert.That(plain, Has.Count.EqualTo(11).And.Unique);
        Assert.That(prefetched, Is.EqualTo(plain), "same items, same order, none twice, none missing");
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 4, 4, 3 }));
        Assert.That(pages.SelectMany(p => p.Values).Select(w => w.Id), Is.EqualTo(plain));
        Assert.That(pages[^1].ContinuationToken, Is.Null);
    }

    [Test]
    public async Task Cursor_style_prefetch_yields_every_item_once_in_order_and_requests_ahead()
    {
        var recorder = new PageRequests();
        var (client, org, _) = ServerFixture.NewTenant(configure: o => o.AddHandler(() => recorder, HttpPipelinePosition.PerCall));
        recorder.Clear();
        using var clientScope = client;
        var ds = ServerFixture.Server.CreateDataSource(org.Id, "Books", [new DataSourceColumnInfo("title", "text", Required: true)]);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await client.DataSources.CreateRecordAsync(ds.Id, new JsonObject { ["title"] = "Book " + i }.ToElement())).Id);
        }

        var plain = await client.DataSources.ListRecordsAsync(ds.Id, new DataSourceRecordListOptions { PageSize = 2 }).Select(r => r.Id).ToListAsync();
        recorder.Clear();

        var yielded = new List<string>();
        await foreach (var record in client.DataSources.ListRecordsAsync(ds.Id, new DataSourceRecordListOptions { PageSize = 2, PrefetchNextPage = true }))
        {
            if (yielded.Count == 0)
            {
                // Still on the first item of page 1: the request for page 2 is already on its way.
                Assert.That(await recorder.WaitForCountAsync(2), Is.True, "the second page was requested while the first was consumed");
            }

            yielded.Add(record.Id);
        }

        Assert.That(plain, Is.EquivalentTo(created));
        Assert.That(yielded, Is.EqualTo(plain), "same items, same order, none twice, none missing");
        Assert.That(recorder.Count, Is.EqualTo(4), "4 pages of 2, 2, 2, 1: one request each, nothing extra after the last page");
    }

    [Test]
    public async Task Without_prefetch_the_next_page_is_requested_only_when_asked_for()
    {
        var recorder = new PageRequests();
        var (client, _, _) = ServerFixture.NewTenant(configure: o => o.AddHandler(() => recorder, HttpPipelinePosition.PerCall));
        using var clientScope = client;
        for (var i = 0; i < 3; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wf " + i });
        }

        recorder.Clear();
        await using var pages = client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 2 }).AsPages().GetAsyncEnumerator();
        Assert.That(await pages.MoveNextAsync(), Is.True);
        Assert.That(await recorder.WaitForCountAsync(2, TimeSpan.FromMilliseconds(300)), Is.False, "no request ahead by default");
        Assert.That(await pages.MoveNextAsync(), Is.True);
        Assert.That(recorder.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Breaking_out_early_cancels_the_prefetch_in_flight_and_waits_for_it()
    {
        var recorder = new PageRequests { HoldFrom = 2 };
        var (client, _, _) = ServerFixture.NewTenant(configure: o => o.AddHandler(() => recorder, HttpPipelinePosition.PerCall));
        using var clientScope = client;
        for (var i = 0; i < 5; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wf " + i });
        }

        recorder.Clear();
        var seen = 0;
        await foreach (var _ in client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 2, PrefetchNextPage = true }))
        {
            seen++;
            Assert.That(await recorder.WaitForCountAsync(2), Is.True, "page 2 is in flight (held by the handler)");
            break;
        }

        // The enumerator's disposal cancelled the held request and awaited it: it is over when the loop is left.
        Assert.That(seen, Is.EqualTo(1));
        Assert.That(recorder.Canceled.Task.IsCompletedSuccessfully, Is.True, "the in-flight request saw its cancellation");
        Assert.That(recorder.InFlight, Is.Zero, "no request outlives the enumeration");
        Assert.That(recorder.Count, Is.EqualTo(2), "no third request");
    }

    [Test]
    public async Task A_failed_prefetch_surfaces_on_the_page_it_belongs_to()
    {
        var recorder = new PageRequests { FailFrom = 2 };
        var (client, _, _) = ServerFixture.NewTenant(configure: o => o.AddHandler(() => recorder, HttpPipelinePosition.PerCall));
        using var clientScope = client;
        for (var i = 0; i < 5; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wf " + i });
        }

        recorder.Clear();
        var yielded = new List<string>();
        var error = await Assert.CatchAsync<BotCadenceApiException>(async () =>
        {
            await foreach (var workflow in client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 2, PrefetchNextPage = true }))
            {
                yielded.Add(workflow.Id);
            }
        });

        Assert.That(yielded, Has.Count.EqualTo(2), "every item of page 1 is yielded before page 2's failure is thrown");
        Assert.That(error!.Message, Does.Contain("page two refused"));
        Assert.That(recorder.Count, Is.EqualTo(2), "nothing is requested after the failed page");
    }

    [Test]
    public async Task Cancelling_the_list_token_cancels_the_prefetch_and_throws()
    {
        var recorder = new PageRequests { HoldFrom = 2 };
        var (client, _, _) = ServerFixture.NewTenant(configure: o => o.AddHandler(() => recorder, HttpPipelinePosition.PerCall));
        using var clientScope = client;
        for (var i = 0; i < 3; i++)
        {
            await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wf " + i });
        }

        recorder.Clear();
        using var cts = new CancellationTokenSource();
        var yielded = 0;
        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 2, PrefetchNextPage = true }, cancellationToken: cts.Token))
            {
                yielded++;
                await recorder.WaitForCountAsync(2);
                if (yielded == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.That(yielded, Is.EqualTo(2));
        Assert.That(recorder.Canceled.Task.IsCompletedSuccessfully, Is.True);
        Assert.That(recorder.InFlight, Is.Zero);
    }

    /// <summary>Counts page requests; can hold requests from the Nth on until cancelled, or answer them with a 400.</summary>
    private sealed class PageRequests : DelegatingHandler
    {
        private readonly ConcurrentQueue<Uri?> _uris = new();
        private int _count;
        private int _inFlight;
        private bool _armed;

        public int HoldFrom { get; init; } = int.MaxValue;

        public int FailFrom { get; init; } = int.MaxValue;

        public TaskCompletionSource Canceled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>Starts counting (and holding or failing) from here; requests before it (the test's setup) pass untouched.</summary>
        public void Clear()
        {
            _uris.Clear();
            Interlocked.Exchange(ref _count, 0);
            Volatile.Write(ref _armed, true);
        }

        public async Task<bool> WaitForCountAsync(int count, TimeSpan? within = null)
        {
            var deadline = DateTime.UtcNow + (within ?? Patience);
            while (Count < count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }

                await Task.Delay(10);
            }

            return true;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!Volatile.Read(ref _armed))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            _uris.Enqueue(request.RequestUri);
            var n = Interlocked.Increment(ref _count);
            Interlocked.Increment(ref _inFlight);
            try
            {
                if (n >= FailFrom)
                {
                    var body = """{"success":false,"error":{"code":"VALIDATION_ERROR","message":"page two refused"}}""";
                    return new HttpResponseMessage(HttpStatusCode.BadRequest)
                    {
                        RequestMessage = request,
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                }

                if (n >= HoldFrom)
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        Canceled.TrySetResult();
                        throw;
                    }
                }

                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
