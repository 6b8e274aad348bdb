using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Botcadence.ReferenceServer;
using Botcadence.Sdk.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Botcadence.Sdk.Redis.Tests;

/// <summary>
/// Four clients with separate connection pools (as four processes would have: own SocketsHttpHandler, own Redis
/// connection, own limiter instance) share one key on the reference server, whose window is shortened to 2 s.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SharedQuotaTests
{
    private const int Limit = 10;
    private const int Clients = 4;
    private const int CallsPerClient = 12;
    private const int WorkersPerClient = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private ReferenceServer.ReferenceServer _server = null!;
    private readonly List<ConnectionMultiplexer> _connections = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await TestRedis.EndpointAsync();
        _server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { RateLimitWindow = Window, StepDuration = TimeSpan.FromMilliseconds(5) });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Test]
    public async Task With_the_Redis_limiter_four_clients_get_no_429_and_stay_within_the_limit()
    {
        var key = NewKey();
        var wire = new WireLog();
        var clients = new List<BotCadenceClient>();
        RedisRateLimiter? any = null;
        for (var i = 0; i < Clients; i++)
        {
            var connection = await TestRedis.ConnectAsync();
            _connections.Add(connection);

            // Deliberately wrong start values: the limiter must learn 10 per 2 s from the headers.
            var limiter = new RedisRateLimiter(connection, key, new RedisRateLimiterOptions { InitialLimit = 100, InitialWindow = TimeSpan.FromMinutes(1) });
            any = limiter;
            clients.Add(NewClient(key, wire, o => o.UseRateLimiter(limiter)));
        }

        var watch = Stopwatch.StartNew();
        var failures = await RunLoadAsync(clients);
        watch.Stop();
        Report("with the Redis limiter", wire, failures, watch.Elapsed);

        Assert.That(failures, Is.Empty);
        Assert.That(wire.Count(429), Is.Zero, "no request was sent into a 429");
        Assert.That(wire.Count(200), Is.EqualTo(Clients * CallsPerClient));
        Assert.That(wire.MaxPerWindow(), Is.LessThanOrEqualTo(Limit), "the service counted at most the limit in every window");
        var state = await _connections[0].GetDatabase().HashGetAllAsync(any!.Key);
        var learned = state.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        TestContext.Progress.WriteLine($"[shared quota] learned state in Redis: limit {learned["limit"]}, window {learned["window"]} ms");
        Assert.That(learned["limit"], Is.EqualTo("10"), "learned from X-RateLimit-Limit");
        Assert.That(learned["window"], Is.EqualTo("2000"), "learned from consecutive X-RateLimit-Reset values");
        var windows = Math.Ceiling(Clients * CallsPerClient / (double)Limit);
        Assert.That(watch.Elapsed, Is.GreaterThan((Window * (windows - 2)) - TimeSpan.FromSeconds(1)), "the calls were spread over the windows the limit requires");
        DisposeAll(clients);
    }

    [Test]
    public async Task Without_a_limiter_the_same_load_gets_429s()
    {
        var key = NewKey();
        var wire = new WireLog();
        var clients = Enumerable.Range(0, Clients).Select(_ => NewClient(key, wire, null)).ToList();

        var watch = Stopwatch.StartNew();
        var failures = await RunLoadAsync(clients);
        watch.Stop();
        Report("without a limiter", wire, failures, watch.Elapsed);

        Assert.That(wire.Count(429), Is.GreaterThan(0), "the fleet sent into the limit");
        Assert.That(wire.MaxPerWindow(), Is.LessThanOrEqualTo(Limit), "the server itself never lets more than the limit through");
        DisposeAll(clients);
    }

    [Test]
    public async Task A_429_seen_by_one_instance_stops_every_instance_until_the_retry_after()
    {
        var key = NewKey();
        await using var a = await TestRedis.ConnectAsync();
        await using var b = await TestRedis.ConnectAsync();
        using var first = new RedisRateLimiter(a, key, new RedisRateLimiterOptions { MaxWait = TimeSpan.Zero });
        using var second = new RedisRateLimiter(b, key, new RedisRateLimiterOptions { MaxWait = TimeSpan.Zero });
        var reset = DateTimeOffset.UtcNow.AddSeconds(30);
        await first.ObserveAsync(new RateLimitFeedback(100, 50, reset, false, null), default);
        using (var ok = second.AttemptAcquire())
        {
            Assert.That(ok.IsAcquired, Is.True, "50 left");
        }

        await first.ObserveAsync(new RateLimitFeedback(100, 0, reset, true, TimeSpan.FromSeconds(30)), default);
        using var refused = await second.AcquireAsync();
        Assert.That(refused.IsAcquired, Is.False, "the other instance waits for the reset");
        Assert.That(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait), Is.True);
        Assert.That(wait, Is.GreaterThan(TimeSpan.FromSeconds(25)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(31)));
    }

    [Test]
    public async Task A_window_not_learned_yet_is_polled_not_waited_out()
    {
        var key = NewKey();
        await using var connection = await TestRedis.ConnectAsync();
        using var limiter = new RedisRateLimiter(connection, key, new RedisRateLimiterOptions { InitialLimit = 100, MaxWait = TimeSpan.Zero, SafetyMargin = TimeSpan.Zero });
        await limiter.ObserveAsync(new RateLimitFeedback(10, 0, DateTimeOffset.UtcNow.AddMilliseconds(300), false, null), default);

        // The service's window ends; one reset seen, so the window's length (and the next reset) is a guess (60 s).
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var granted = 0;
        for (var i = 0; i < 10; i++)
        {
            using var lease = limiter.AttemptAcquire();
            granted += lease.IsAcquired ? 1 : 0;
        }

        using var refused = limiter.AttemptAcquire();
        Assert.That(granted, Is.EqualTo(10), "the learned limit");
        Assert.That(refused.IsAcquired, Is.False);
        Assert.That(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait), Is.True);
        Assert.That(wait, Is.EqualTo(TimeSpan.FromMilliseconds(20)), "ask again soon (a response gives the real reset), not after the guessed 60 s");
    }

    [Test]
    public async Task A_call_that_cannot_get_a_permit_within_MaxWait_fails_with_the_rate_limit_exception_without_being_sent()
    {
        var key = NewKey();
        var wire = new WireLog();
        await using var connection = await TestRedis.ConnectAsync();
        using var limiter = new RedisRateLimiter(connection, key, new RedisRateLimiterOptions { MaxWait = TimeSpan.FromSeconds(1) });
        await limiter.ObserveAsync(new RateLimitFeedback(10, 0, DateTimeOffset.UtcNow.AddSeconds(20), true, TimeSpan.FromSeconds(20)), default);
        using var client = NewClient(key, wire, o => o.UseRateLimiter(limiter));

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<BotCadenceRateLimitException>(() => OneCallAsync(client, default));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "fails at once: the wait is beyond MaxWait");
        Assert.That(error!.Error.Code.Value, Is.EqualTo("CLIENT_RATE_LIMITED"));
        Assert.That(error.RetryAfter, Is.GreaterThan(TimeSpan.FromSeconds(15)));
        Assert.That(wire.Total, Is.Zero, "nothing was sent");
    }

    [Test]
    public async Task Waiting_for_a_permit_honours_the_callers_cancellation()
    {
        var key = NewKey();
        var wire = new WireLog();
        await using var connection = await TestRedis.ConnectAsync();
        using var limiter = new RedisRateLimiter(connection, key);
        await limiter.ObserveAsync(new RateLimitFeedback(10, 0, DateTimeOffset.UtcNow.AddSeconds(20), false, null), default);
        using var client = NewClient(key, wire, o => o.UseRateLimiter(limiter));

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        Assert.That(async () => await OneCallAsync(client, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(wire.Total, Is.Zero);
    }

    [Test]
    public async Task When_Redis_is_unreachable_the_limiter_fails_open_to_this_process()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        options.AbortOnConnectFail = false;
        await using var dead = await ConnectionMultiplexer.ConnectAsync(options);
        using var limiter = new RedisRateLimiter(dead, "sk_test_unreachable", new RedisRateLimiterOptions { InitialLimit = 2 });
        var wire = new WireLog();
        var key = NewKey();
        using var client = NewClient(key, wire, o => o.UseRateLimiter(limiter));

        await OneCallAsync(client, default);
        Assert.That(wire.Count(200), Is.EqualTo(1), "the call went out without Redis");
    }

    [Test]
    public async Task AddBotCadenceRedisRateLimiting_puts_the_shared_limiter_in_the_DI_pipeline()
    {
        var key = NewKey();
        var services = new ServiceCollection();
        services.AddBotCadence(o =>
        {
            o.ApiKey = key;
            o.BaseAddress = _server.BaseAddress;
        }).AddBotCadenceRedisRateLimiting(await TestRedis.EndpointAsync());
        await using var provider = services.BuildServiceProvider();

        await OneCallAsync(provider.GetRequiredService<IBotCadenceClient>(), default);

        var limiter = provider.GetRequiredService<IOptions<BotCadenceClientOptions>>().Value.GetRateLimiter();
        Assert.That(limiter, Is.InstanceOf<RedisRateLimiter>());
        await using var connection = await TestRedis.ConnectAsync();
        Assert.That((string?)await connection.GetDatabase().HashGetAsync(((RedisRateLimiter)limiter!).Key, "limit"), Is.EqualTo("10"), "the response was observed into Redis");
    }

    private string NewKey()
    {
        var org = _server.CreateOrganization($"org-{Guid.NewGuid():N}", "free", rateLimitPerMinute: Limit);
        return _server.CreateApiKey(org.Id).Key;
    }

    private BotCadenceClient NewClient(string key, WireLog wire, Action<BotCadenceClientOptions>? configure)
    {
        var options = new BotCadenceClientOptions { ApiKey = key, BaseAddress = _server.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 3 };
        configure?.Invoke(options);
        return new BotCadenceClient(options, new CountingHandler(wire) { InnerHandler = new SocketsHttpHandler() });
    }

    private static async Task<List<Exception>> RunLoadAsync(List<BotCadenceClient> clients)
    {
        var failures = new ConcurrentQueue<Exception>();
        var work = clients.SelectMany(client => Enumerable.Range(0, WorkersPerClient).Select(async _ =>
        {
            for (var i = 0; i < CallsPerClient / WorkersPerClient; i++)
            {
                try
                {
                    await OneCallAsync(client, default);
                }
                catch (BotCadenceException ex)
                {
                    failures.Enqueue(ex);
                }
            }
        }));
        await Task.WhenAll(work);
        return [.. failures];
    }

    private static async Task OneCallAsync(IBotCadenceClient client, CancellationToken cancellationToken)
    {
        await using var pages = client.Workflows.ListAsync(cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        await pages.MoveNextAsync();
    }

    private static void Report(string label, WireLog wire, List<Exception> failures, TimeSpan elapsed) =>
        TestContext.Progress.WriteLine(
            $"[shared quota {label}] {Clients} clients x {CallsPerClient} calls, limit {Limit} per {Window.TotalSeconds:0} s: " +
            $"{wire.Total} requests on the wire, {wire.Count(200)} x 200, {wire.Count(429)} x 429, max {wire.MaxPerWindow()} counted in one server window, " +
            $"{failures.Count} calls failed, {elapsed.TotalSeconds:0.0} s");

    private static void DisposeAll(List<BotCadenceClient> clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>Every response on the wire (below the SDK: each attempt), with the window the server counted it in.</summary>
    private sealed class WireLog
    {
        private readonly ConcurrentQueue<(int Status, string? Reset, int? Used)> _entries = new();

        public int Total => _entries.Count;

        public void Add(HttpResponseMessage response)
        {
            var reset = response.Headers.TryGetValues("X-RateLimit-Reset", out var r) ? r.First() : null;
            int? used = response.Headers.TryGetValues("X-RateLimit-Remaining", out var rem) && response.Headers.TryGetValues("X-RateLimit-Limit", out var lim)
                ? int.Parse(lim.First(), CultureInfo.InvariantCulture) - int.Parse(rem.First(), CultureInfo.InvariantCulture)
                : null;
            _entries.Enqueue(((int)response.StatusCode, reset, used));
        }

        public int Count(int status) => _entries.Count(e => e.Status == status);

        /// <summary>The most 2xx responses the server gave in one window (each window is named by its reset).</summary>
        public int MaxPerWindow() => _entries.Where(e => e.Status == 200 && e.Reset is not null)
            .GroupBy(e => e.Reset).Select(g => g.Count()).DefaultIfEmpty(0).Max();
    }

    private sealed class CountingHandler(WireLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            log.Add(response);
            return response;
        }
    }
}
