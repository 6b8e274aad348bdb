using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>
/// Delivers events to subscriptions for real: subscribes to the <see cref="EventBus"/>, POSTs the signed payload to
/// every subscription of the organization that wants the event, retries failures on
/// <see cref="ReferenceServerOptions.WebhookRetryDelays"/> (on the server clock), and logs every attempt.
/// </summary>
internal sealed class WebhookDispatcher : IHostedService, IAsyncDisposable
{
    private readonly WebhookStore _store;
    private readonly ServerClock _clock;
    private readonly ReferenceServerOptions _options;
    private readonly EventBus _bus;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _disposed;

    public WebhookDispatcher(WebhookStore store, ServerClock clock, ReferenceServerOptions options, EventBus bus)
    {
        _store = store;
        _clock = clock;
        _options = options;
        _bus = bus;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Subscribes to the event bus when the host starts (a hosted service: nothing needs to resolve it first).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _bus.Subscribe(OnEventAsync);
        return Task.CompletedTask;
    }

    /// <summary>Nothing to do: <see cref="DisposeAsync"/> (called by <see cref="ReferenceServer.DisposeAsync"/>) ends the deliveries in flight.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static byte[] Serialize(ServerEvent evt) => Encoding.UTF8.GetBytes(evt.ToJson().ToJsonString(JsonResponse.WriteOptions));

    private Task OnEventAsync(ServerEvent evt)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.CompletedTask;
        }

        var body = Serialize(evt);
        foreach (var webhook in _store.SubscribersOf(evt.OrganizationId, evt.Type))
        {
            var sent = new SentEvent(evt.Id, evt.Type, body);
            _store.RecordEvent(webhook, sent);
            Track(DeliverWithRetriesAsync(webhook, sent, _stopping.Token));
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends the event once more by hand (the retry endpoint): a single attempt, logged like the others.</summary>
    public Task<WebhookDelivery> RedeliverAsync(Webhook webhook, SentEvent sent, CancellationToken cancellationToken) =>
        AttemptAsync(webhook, sent, "manual", cancellationToken);

    /// <summary>Sends a test event to the webhook, a single attempt.</summary>
    public Task<WebhookDelivery> SendTestAsync(Webhook webhook, ServerEvent evt, CancellationToken cancellationToken)
    {
        var sent = new SentEvent(evt.Id, evt.Type, Serialize(evt));
        _store.RecordEvent(webhook, sent);
        return AttemptAsync(webhook, sent, "test", cancellationToken);
    }

    private void Track(Task task)
    {
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverWithRetriesAsync(Webhook webhook, SentEvent sent, CancellationToken token)
    {
        try
        {
            await Task.Yield();
            var delays = _options.WebhookRetryDelays;
            for (var retry = 0; ; retry++)
            {
                if (!_store.IsLive(webhook))
                {
                    return;
                }

                var delivery = await AttemptAsync(webhook, sent, "automatic", token).ConfigureAwait(false);
                if (delivery.Success || retry >= delays.Count)
                {
                    return;
                }

                await Task.Delay(delays[retry], _clock.TimeProvider, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // server shutting down
        }
    }

    private async Task<WebhookDelivery> AttemptAsync(Webhook webhook, SentEvent sent, string trigger, CancellationToken token)
    {
        var attemptedAt = _clock.UtcNow;
        var secrets = _store.WithLock(webhook, w => w.SigningSecrets(attemptedAt));
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new ByteArrayContent(sent.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("BotCadence-Webhooks/1.0");
        foreach (var (name, value) in WebhookSigner.Headers(secrets, sent.Id, attemptedAt.ToUnixTimeSeconds(), sent.Body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        int? status = null;
        string? error = null;
        var watch = Stopwatch.StartNew();
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(token))
        {
            timeout.CancelAfter(_options.WebhookTimeout);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"The endpoint answered {status} {response.ReasonPhrase}.";
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                error = $"Timed out after {_options.WebhookTimeout.TotalMilliseconds:0} ms.";
            }
            catch (HttpRequestException ex)
            {
                error = "Connection failed: " + ex.Message;
            }
        }

        var delivery = new WebhookDelivery(
            Ids.New("dlv"),
            webhook.Id,
            _store.NextSequence(),
            sent.Id,
            sent.Type,
            _store.NextAttempt(webhook, sent.Id),
            trigger,
            status,
            watch.ElapsedMilliseconds,
            error,
            attemptedAt,
            error is null);
        _store.AddDelivery(webhook, delivery);
        return delivery;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Keys.ToArray()).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // expected on shutdown
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    /// <summary>A test event of the given type, with illustrative data.</summary>
    public static JsonObject TestData(string webhookId) => new() { ["test"] = true, ["webhook_id"] = webhookId };
}
