using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Botcadence.Sdk.Tests;

/// <summary>
/// The SDK through an in-process fault-injecting transport (a handler wrapping the real <see cref="SocketsHttpHandler"/>
/// to the in-process reference server): resets, lost responses, bodies cut off after the headers, 429, 503 and HTML 502.
/// Counts what the server holds afterwards: nothing may be lost, duplicated, or reported failed although it was created.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FaultTransportTests
{
    private const int Seed = 20261201;

    private static (BotCadenceClient Faulty, BotCadenceClient Clean) Clients(FaultInjector injector, int maxRetries)
    {
        var org = ServerFixture.Server.CreateOrganization($"faults-{Guid.NewGuid():N}", rateLimitPerMinute: 1_000_000);
        var key = ServerFixture.Server.CreateApiKey(org.Id);
        var options = new BotCadenceClientOptions
        {
            ApiKey = key.Key,
            BaseAddress = ServerFixture.Server.BaseAddress,
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        };
        var clean = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = key.Key, BaseAddress = ServerFixture.Server.BaseAddress });
        return (new BotCadenceClient(options, injector), clean);
    }

    [Test]
    public async Task A_thousand_creates_under_twenty_percent_mixed_faults_are_neither_lost_nor_duplicated()
    {
        var injector = new FaultInjector(0.20, new Random(Seed), Enum.GetValues<Fault>());
        var (faulty, clean) = Clients(injector, maxRetries: 6);
        using var faultyScope = faulty;
        using var cleanScope = clean;
        var succeeded = new List<string>();
        var failed = new List<string>();
        var thrown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 1000; i++)
        {
            var name = $"fault-{i:D4}";
            try
            {
                var workflow = await faulty.Workflows.CreateAsync(new WorkflowCreateOptions { Name = name });
                Assert.That(workflow.Name, Is.EqualTo(name));
                succeeded.Add(name);
            }
            catch (BotCadenceException ex)
            {
                failed.Add(name);
                thrown[ex.GetType().Name] = thrown.GetValueOrDefault(ex.GetType().Name) + 1;
            }
        }

        var held = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var workflow in clean.Workflows.ListAsync(new WorkflowListOptions { PageSize = 100 }))
        {
            held[workflow.Name] = held.GetValueOrDefault(workflow.Name) + 1;
        }

        var lost = succeeded.Count(n => !held.ContainsKey(n));
        var duplicated = held.Count(h => h.Value > 1);
        var failedButCreated = failed.Count(held.ContainsKey);
        TestContext.Out.WriteLine($"1000 creates, 20 % faults, MaxRetries 6, seed {Seed}, {clock.Elapsed.TotalSeconds:0.0} s");
        TestContext.Out.WriteLine($"attempts sent: {injector.Attempts}; faults injected: {injector.Describe()}");
        TestContext.Out.WriteLine($"succeeded {succeeded.Count}; thrown {failed.Count} ({string.Join(", ", thrown.Select(t => $"{t.Key} {t.Value}"))}); " +
            $"lost {lost}; duplicated {duplicated}; failed-but-created {failedButCreated}; held by the server {held.Values.Sum()}");

        Assert.That(injector.Injected.Keys, Is.EquivalentTo(Enum.GetValues<Fault>()), "every kind of fault was injected");
        Assert.That(injector.Injected.Values.Sum(), Is.GreaterThan(150));
        Assert.That(lost, Is.Zero, "a create reported as succeeded is on the server");
        Assert.That(duplicated, Is.Zero, "no create was made twice");
        Assert.That(failedButCreated, Is.Zero, "no create reported as failed was made");
        Assert.That(succeeded.Count + failed.Count, Is.EqualTo(1000));
        Assert.That(held.Values.Sum(), Is.EqualTo(succeeded.Count));
    }

    [Test]
    public async Task Five_hundred_gets_under_fifty_percent_cut_off_bodies_all_succeed()
    {
        // Each attempt's body is cut off with probability 0.5, so a call fails only if 11 attempts in a row are cut off
        // (MaxRetries 10): 0.5^11 per call, 0.24 expected failures in 500; the seeded sequence makes the run repeatable.
        var injector = new FaultInjector(0.50, new Random(Seed), [Fault.CutOffBody]);
        var (faulty, clean) = Clients(injector, maxRetries: 10);
        using var faultyScope = faulty;
        using var cleanScope = clean;
        var workflow = await clean.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "read me", Description = new string('x', 2000) });
        var attempts = new List<int>();

        for (var i = 0; i < 500; i++)
        {
            var read = await faulty.Workflows.GetAsync(workflow.Id);
            Assert.That(read.Id, Is.EqualTo(workflow.Id));
            Assert.That(read.Description, Has.Length.EqualTo(2000));
            attempts.Add(read.Response!.Attempts);
        }

        TestContext.Out.WriteLine($"500 GETs, 50 % cut-off bodies, MaxRetries 10, seed {Seed}: succeeded 500; attempts sent {injector.Attempts}; " +
            $"cut off {injector.Injected.GetValueOrDefault(Fault.CutOffBody)}; most attempts for one call {attempts.Max()}");
        Assert.That(injector.Injected.GetValueOrDefault(Fault.CutOffBody), Is.GreaterThan(300), "the fault really was injected");
        Assert.That(attempts.Sum(), Is.EqualTo(injector.Attempts), "each result reports its own attempts");
    }

    internal enum Fault
    {
        /// <summary>The connection resets before the request is sent.</summary>
        Reset,

        /// <summary>The server handles the request; its response is lost.</summary>
        LostResponse,

        /// <summary>The headers arrive, the body breaks half-way.</summary>
        CutOffBody,

        /// <summary>429 with <c>Retry-After: 0</c>, from a proxy.</summary>
        TooManyRequests,

        /// <summary>503 with a JSON error.</summary>
        Unavailable,

        /// <summary>502 with an HTML page, from a proxy.</summary>
        HtmlBadGateway,
    }

    internal sealed class FaultInjector(double rate, Random random, Fault[] kinds) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _attempts;

        public ConcurrentDictionary<Fault, int> Injected { get; } = new();

        public int Attempts => _attempts;

        public string Describe() => string.Join(", ", Injected.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            Fault? fault;
            lock (random)
            {
                fault = random.NextDouble() < rate ? kinds[random.Next(kinds.Length)] : null;
            }

            if (fault is { } f)
            {
                Injected.AddOrUpdate(f, 1, (_, n) => n + 1);
            }

            switch (fault)
            {
                case Fault.Reset:
                    throw new HttpRequestException("Connection reset by peer (before sending).");
                case Fault.LostResponse:
                    (await base.SendAsync(request, cancellationToken)).Dispose();
                    throw new HttpRequestException("Connection reset by peer (response lost).");
                case Fault.CutOffBody:
                {
                    var response = await base.SendAsync(request, cancellationToken);
                    var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var cut = new StreamContent(new FaultStreams.BreakingStream(bytes, bytes.Length / 2));
                    foreach (var header in response.Content.Headers)
                    {
                        cut.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }

                    response.Content = cut;
                    return response;
                }

                case Fault.TooManyRequests:
                    return Synthetic(request, (HttpStatusCode)429, "application/json", """{"error":{"code":"RATE_LIMITED","message":"slow down"}}""", ("Retry-After", "0"));
                case Fault.Unavailable:
                    return Synthetic(request, HttpStatusCode.ServiceUnavailable, "application/json", """{"error":{"code":"SERVICE_UNAVAILABLE","message":"try again"}}""");
                case Fault.HtmlBadGateway:
                    return Synthetic(request, HttpStatusCode.BadGateway, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
                default:
                    return await base.SendAsync(request, cancellationToken);
            }
        }

        private static HttpResponseMessage Synthetic(HttpRequestMessage request, HttpStatusCode status, string mediaType, string body, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, mediaType) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }
    }
}
