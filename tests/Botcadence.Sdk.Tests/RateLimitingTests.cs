using System.Net;
using System.Threading.RateLimiting;
using Botcadence.Sdk.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.Tests;

/// <summary>The local (one-process) client-side limiter, on a fake clock, and wired through DI against the reference server.</summary>
[TestFixture]
public sealed class RateLimitingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task It_follows_the_services_remaining_and_reset_then_refills_to_the_learned_limit()
    {
        var clock = new FakeTimeProvider(Start);
        using var limiter = new LocalRateLimiter(new BotCadenceRateLimiterOptions { InitialLimit = 60, MaxWait = TimeSpan.Zero }, clock);
        await limiter.ObserveAsync(new RateLimitFeedback(3, 2, Start.AddSeconds(10), false, null), default);

        Assert.That(Acquired(limiter), Is.True);
        Assert.That(Acquired(limiter), Is.True);
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.That(refused.IsAcquired, Is.False, "the service said 2 were left");
            Assert.That(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : default, Is.EqualTo(TimeSpan.FromSeconds(10)));
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(Enumerable.Range(0, 4).Count(_ => Acquired(limiter)), Is.EqualTo(3), "a new window holds the learned limit, 3");
    }

    [Test]
    public async Task A_window_it_has_not_learned_yet_is_polled_not_waited_out()
    {
        var clock = new FakeTimeProvider(Start);
        using var limiter = new LocalRateLimiter(new BotCadenceRateLimiterOptions { InitialLimit = 100, MaxWait = TimeSpan.Zero, SafetyMargin = TimeSpan.Zero }, clock);
        await limiter.ObserveAsync(new RateLimitFeedback(10, 0, Start.AddSeconds(2), false, null), default);

        // The service's window ended; its length is not known yet (one reset seen), so the next reset is a guess (60 s).
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(Enumerable.Range(0, 10).All(_ => Acquired(limiter)), Is.True, "the learned limit, 10");
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.That(refused.IsAcquired, Is.False);
            Assert.That(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : default, Is.EqualTo(TimeSpan.FromMilliseconds(20)),
                "ask again soon (a response will give the real reset), not after the guessed 60 s");
        }

        // A response from the service's next window: its reset is real, and two resets give the window (2 s).
        await limiter.ObserveAsync(new RateLimitFeedback(10, 0, Start.AddSeconds(4), false, null), default);
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.That(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : default, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(Enumerable.Range(0, 11).Count(_ => Acquired(limiter)), Is.EqualTo(10));
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.That(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : default, Is.EqualTo(TimeSpan.FromSeconds(2)),
                "a known window is rolled by its length and waited out");
        }
    }

    [Test]
    public async Task Until_the_first_response_one_request_at_a_time_goes_out()
    {
        var clock = new FakeTimeProvider(Start);
        using var limiter = new LocalRateLimiter(new BotCadenceRateLimiterOptions { InitialLimit = 100 }, clock);
        Assert.That(Acquired(limiter), Is.True, "the probe");
        Assert.That(Acquired(limiter), Is.False, "the others wait for its answer");
        await limiter.ObserveAsync(new RateLimitFeedback(100, 99, Start.AddSeconds(30), false, null), default);
        Assert.That(Enumerable.Range(0, 10).All(_ => Acquired(limiter)), Is.True);
    }

    [Test]
    public async Task A_429_stops_every_permit_until_its_retry_after()
    {
        var clock = new FakeTimeProvider(Start);
        using var limiter = new LocalRateLimiter(new BotCadenceRateLimiterOptions(), clock);
        await limiter.ObserveAsync(new RateLimitFeedback(100, 50, Start.AddSeconds(2), false, null), default);
        await limiter.ObserveAsync(new RateLimitFeedback(null, null, null, true, TimeSpan.FromSeconds(5)), default);
        Assert.That(Acquired(limiter), Is.False);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.That(Acquired(limiter), Is.False);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.That(Acquired(limiter), Is.True);
    }

    [Test]
    public async Task AcquireAsync_waits_on_the_clock_and_honours_cancellation()
    {
        var clock = new FakeTimeProvider(Start);
        using var limiter = new LocalRateLimiter(new BotCadenceRateLimiterOptions { SafetyMargin = TimeSpan.Zero }, clock);
        await limiter.ObserveAsync(new RateLimitFeedback(10, 0, Start.AddSeconds(3), false, null), default);

        var waiting = limiter.AcquireAsync().AsTask();
        Assert.That(waiting.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromSeconds(3));
        using (var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.That(lease.IsAcquired, Is.True);
        }

        await limiter.ObserveAsync(new RateLimitFeedback(10, 0, Start.AddSeconds(6), false, null), default);
        using var cts = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cts.Token).AsTask();
        await cts.CancelAsync();
        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Through_DI_a_call_without_a_permit_in_MaxWait_fails_with_CLIENT_RATE_LIMITED_and_is_not_sent()
    {
        var org = ServerFixture.Server.CreateOrganization($"org-{Guid.NewGuid():N}", "free", rateLimitPerMinute: 2);
        var key = ServerFixture.Server.CreateApiKey(org.Id).Key;
        var wire = new Wire();
        var services = new ServiceCollection();
        services.AddBotCadence(o =>
        {
            o.ApiKey = key;
            o.BaseAddress = ServerFixture.Server.BaseAddress;
        })
        .ConfigurePrimaryHttpMessageHandler(() => new Wire.Handler(wire) { InnerHandler = new SocketsHttpHandler() })
        .AddBotCadenceRateLimiting(o => o.MaxWait = TimeSpan.FromSeconds(1));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBotCadenceClient>();

        await ListOnePageAsync(client);
        await ListOnePageAsync(client);
        var error = await Assert.ThrowsAsync<BotCadenceRateLimitException>(() => ListOnePageAsync(client));

        Assert.That(error!.Error.Code.Value, Is.EqualTo("CLIENT_RATE_LIMITED"), "refused by the client, not the service's RATE_LIMITED");
        Assert.That(error.RetryAfter, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(wire.Statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK }), "the third call was never sent (nor retried)");
    }

    [Test]
    public async Task A_wait_longer_than_the_calls_timeout_fails_with_the_rate_limit_exception_not_a_timeout()
    {
        var org = ServerFixture.Server.CreateOrganization($"org-{Guid.NewGuid():N}", "free", rateLimitPerMinute: 2);
        using var limiter = new LocalRateLimiter(new BotCadenceRateLimiterOptions { MaxWait = TimeSpan.FromMinutes(5) });
        await limiter.ObserveAsync(new RateLimitFeedback(2, 0, DateTimeOffset.UtcNow.AddMinutes(2), false, null), default);
        var wire = new Wire();
        using var client = new BotCadenceClient(
            new BotCadenceClientOptions { ApiKey = ServerFixture.Server.CreateApiKey(org.Id).Key, BaseAddress = ServerFixture.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(1), MaxRetries = 2 }
                .UseRateLimiter(limiter),
            new Wire.Handler(wire) { InnerHandler = new SocketsHttpHandler() });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<BotCadenceRateLimitException>(() => ListOnePageAsync(client));
        Assert.That(error!.Error.Code.Value, Is.EqualTo("CLIENT_RATE_LIMITED"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "within the call's timeout, not retried");
        Assert.That(wire.Statuses, Is.Empty);
    }

    private static async Task ListOnePageAsync(IBotCadenceClient client)
    {
        await using var pages = client.Workflows.ListAsync().AsPages().GetAsyncEnumerator();
        await pages.MoveNextAsync();
    }

    private static bool Acquired(RateLimiter limiter)
    {
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    private sealed class Wire
    {
        public List<HttpStatusCode> Statuses { get; } = [];

        public sealed class Handler(Wire wire) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                lock (wire.Statuses)
                {
                    wire.Statuses.Add(response.StatusCode);
                }

                return response;
            }
        }
    }
}
