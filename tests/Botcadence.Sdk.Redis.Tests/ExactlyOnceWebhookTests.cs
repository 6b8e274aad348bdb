using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Botcadence.Sdk.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Botcadence.Sdk.Redis.Tests;

/// <summary>
/// Three receiver instances (three Kestrel hosts with MapBotCadenceWebhooks) share one Redis replay store behind one
/// delivery source that retries every non-2xx on another instance, as a load balancer would route redeliveries.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ExactlyOnceWebhookTests
{
    private const int Events = 1000;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [Test]
    public async Task Each_of_1000_events_delivered_up_to_three_times_to_three_instances_is_handled_exactly_once_even_when_one_dies_mid_handler()
    {
        await TestRedis.EndpointAsync();
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var prefix = $"botcadence:test:{Guid.NewGuid():N}:";
        var handled = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? killedEvent = null;

        var connections = new List<ConnectionMultiplexer>();
        var instances = new List<Instance>();
        try
        {
            foreach (var name in new[] { "A", "B", "C" })
            {
                var connection = await TestRedis.ConnectAsync();
                connections.Add(connection);
                instances.Add(await Instance.StartAsync(name, secret, new RedisWebhookReplayStore(connection, prefix), handled));
            }

            // Instance C dies inside the handler of its 40th event: no renewal, release or completion reaches Redis any
            // more, its handler never returns, and its port is closed (connections aborted).
            var victim = instances[2];
            var handledOnVictim = 0;
            victim.BeforeHandle = async evt =>
            {
                if (Interlocked.Increment(ref handledOnVictim) != 40)
                {
                    return;
                }

                killedEvent = evt.Id;
                _ = victim.KillAsync();
                await hang.Task;
            };

            var urls = instances.Select(i => i.Url).ToArray();
            var stats = new SenderStats();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(5) };
            using var throttle = new SemaphoreSlim(24);
            var watch = Stopwatch.StartNew();
            var deliveries = Enumerable.Range(0, Events).Select(async i =>
            {
                await throttle.WaitAsync();
                try
                {
                    var id = $"evt_{i:D5}";
                    var body = "{\"id\":\"" + id + "\",\"event\":\"run.completed\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"n\":" + i + "}}";
                    switch (i % 10)
                    {
                        case 0 or 1 or 2: // two deliveries at once, to different instances
                            await Task.WhenAll(DeliverAsync(http, urls, i, secret, id, body, stats), DeliverAsync(http, urls, i + 1, secret, id, body, stats));
                            break;
                        case 3: // three at once
                            await Task.WhenAll(DeliverAsync(http, urls, i, secret, id, body, stats), DeliverAsync(http, urls, i + 1, secret, id, body, stats), DeliverAsync(http, urls, i + 2, secret, id, body, stats));
                            break;
                        case 4: // a redelivery after the first succeeded, to another instance
                            await DeliverAsync(http, urls, i, secret, id, body, stats);
                            await DeliverAsync(http, urls, i + 1, secret, id, body, stats);
                            break;
                        default:
                            await DeliverAsync(http, urls, i, secret, id, body, stats);
                            break;
                    }
                }
                finally
                {
                    throttle.Release();
                }
            });
            await Task.WhenAll(deliveries);
            watch.Stop();

            var perInstance = string.Join(", ", instances.Select(i => $"{i.Name}: {i.Handled}"));
            var twice = handled.Count(h => h.Value.Count > 1);
            TestContext.Progress.WriteLine(
                $"[exactly once] {Events} events, {stats.Deliveries} deliveries ({stats.Deliveries - Events} duplicates), {stats.Attempts} HTTP attempts in {watch.Elapsed.TotalSeconds:0.0} s: " +
                $"{stats.Ok} x 2xx ({stats.Ok - handled.Values.Sum(q => q.Count)} of them duplicates dropped), {stats.InProgress} x 409 in progress, {stats.Other} other, " +
                $"{stats.ConnectionFailures} connection failures/timeouts, {stats.GaveUp} given up. Handled: {handled.Count} distinct, {twice} more than once; " +
                $"per instance {perInstance}; the event C died on ({killedEvent}) was handled by {(killedEvent is null ? "-" : string.Join("+", handled.GetValueOrDefault(killedEvent) ?? new()))}.");

            Assert.That(stats.GaveUp, Is.Zero, "every delivery eventually got a 2xx");
            Assert.That(handled, Has.Count.EqualTo(Events), "no event lost");
            Assert.That(twice, Is.Zero, "no event handled twice");
            Assert.That(killedEvent, Is.Not.Null, "instance C died inside a handler");
            Assert.That(handled[killedEvent!].Single(), Is.AnyOf("A", "B"), "the dead instance's event was handled elsewhere after its lease");
            Assert.That(stats.InProgress, Is.GreaterThan(0), "concurrent deliveries met an in-flight claim");
        }
        finally
        {
            hang.TrySetResult();
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Delivers until an instance answers 2xx, moving to the next instance after each failure, like a retrying sender behind a load balancer.</summary>
    private static async Task DeliverAsync(HttpClient http, Uri[] urls, int start, string secret, string id, string body, SenderStats stats)
    {
        Interlocked.Increment(ref stats.Deliveries);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Interlocked.Increment(ref stats.Attempts);
            using var request = new HttpRequestMessage(HttpMethod.Post, urls[(start + attempt) % urls.Length]) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in WebhookVerifier.Sign(secret, id, DateTimeOffset.UtcNow, body))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            try
            {
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref stats.Ok);
                    return;
                }

                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    Interlocked.Increment(ref stats.InProgress);
                    await Task.Delay(100);
                }
                else
                {
                    Interlocked.Increment(ref stats.Other);
                    await Task.Delay(50);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref stats.ConnectionFailures);
                await Task.Delay(20);
            }
        }

        Interlocked.Increment(ref stats.GaveUp);
    }

    private sealed class SenderStats
    {
        public int Deliveries;
        public int Attempts;
        public int Ok;
        public int InProgress;
        public int Other;
        public int ConnectionFailures;
        public int GaveUp;
    }

    /// <summary>A receiver instance; <see cref="Store"/> can be "killed": from then on nothing reaches Redis, as after a crash.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly object _life = new();
        private readonly CancellationTokenSource _shutdown = new();
        private int _handled;
        private int _killed;
        private bool _dying;
        private int _completing;

        private Instance(string name, WebApplication app, KillableStore store)
        {
            Name = name;
            _app = app;
            Store = store;
        }

        public string Name { get; }

        public Uri Url { get; private set; } = null!;

        public KillableStore Store { get; }

        public int Handled => Volatile.Read(ref _handled);

        public Func<WebhookEvent, Task>? BeforeHandle { get; set; }

        public static async Task<Instance> StartAsync(string name, string secret, IWebhookReplayStore store, ConcurrentDictionary<string, ConcurrentQueue<string>> handled)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            Instance? instance = null;
            var killable = new KillableStore(store, () =>
            {
                lock (instance!._life)
                {
                    instance._completing--;
                }
            });
            builder.Services.AddBotCadenceWebhooks(o =>
            {
                o.Secrets = [secret];
                o.ClaimLease = Lease;
            });
            builder.Services.AddSingleton<IWebhookReplayStore>(killable);
            var app = builder.Build();
            app.MapBotCadenceWebhooks("/webhooks", async (evt, ct) =>
            {
                if (instance!.BeforeHandle is { } before)
                {
                    await before(evt);
                }

                await Task.Delay(Random.Shared.Next(0, 3), ct); // the handler's work
                lock (instance._life)
                {
                    if (!instance._dying)
                    {
                        // From here until CompleteAsync reached Redis (one round trip) a crash would repeat the event:
                        // the simulated crash waits until no handler is in that window (see KillAsync).
                        instance._completing++;
                        handled.GetOrAdd(evt.Id, _ => new ConcurrentQueue<string>()).Enqueue(instance.Name);
                        Interlocked.Increment(ref instance._handled);
                        return;
                    }
                }

                // The process is dead: this handler never finishes.
                await Task.Delay(Timeout.Infinite, instance._shutdown.Token);
            });
            await app.StartAsync();
            instance = new Instance(name, app, killable);
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            instance.Url = new Uri(address.TrimEnd('/') + "/webhooks");
            return instance;
        }

        /// <summary>Closes the port at once, aborting open connections (the process is gone).</summary>
        public async Task KillAsync()
        {
            if (Interlocked.Exchange(ref _killed, 1) == 0)
            {
                // Die at an instant when no handler has finished without its completion reaching Redis.
                lock (_life)
                {
                    _dying = true;
                }

                while (true)
                {
                    lock (_life)
                    {
                        if (_completing == 0)
                        {
                            break;
                        }
                    }

                    await Task.Delay(5);
                }

                Store.Kill();
                try
                {
                    await _app.StopAsync(new CancellationToken(canceled: true));
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await KillAsync();
            await _shutdown.CancelAsync();
            await _app.DisposeAsync();
            _shutdown.Dispose();
        }
    }

    private sealed class KillableStore(IWebhookReplayStore inner, Action completed) : IWebhookReplayStore
    {
        private volatile bool _dead;

        public void Kill() => _dead = true;

        public ValueTask<WebhookClaim> TryClaimAsync(string eventId, TimeSpan lease, CancellationToken cancellationToken) =>
            _dead ? throw new InvalidOperationException("dead") : inner.TryClaimAsync(eventId, lease, cancellationToken);

        public ValueTask<bool> RenewAsync(string eventId, string token, TimeSpan lease, CancellationToken cancellationToken) =>
            _dead ? ValueTask.FromResult(false) : inner.RenewAsync(eventId, token, lease, cancellationToken);

        public async ValueTask CompleteAsync(string eventId, string token, TimeSpan retention, CancellationToken cancellationToken)
        {
            if (!_dead)
            {
                await inner.CompleteAsync(eventId, token, retention, cancellationToken);
            }

            completed();
        }

        public ValueTask ReleaseAsync(string eventId, string token, CancellationToken cancellationToken) =>
            _dead ? ValueTask.CompletedTask : inner.ReleaseAsync(eventId, token, cancellationToken);
    }
}
