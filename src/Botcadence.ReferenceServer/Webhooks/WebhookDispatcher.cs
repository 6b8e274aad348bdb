using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>
/// Delivers events to subscriptions for real: subscribes to the <see cref="EventBus"/>, POSTs the signed payload to
/// every subscription of the organization that wants the event, retries failures on
/// <see cref="ReferenceServerOptions.WebhookRetryDelays"/> (on the server clock), and logs every attempt.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{

    private readonly WebhookStore store;
    private readonly ServerClock clock;
    private readonly ReferenceServerOptions options;
    private readonly HttpClient http;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private int disposed;

    public WebhookDispatcher(WebhookStore store, ServerClock clock, ReferenceServerOptions options, EventBus bus)
    {
        this.store = store;
        this.clock = clock;
        this.options = options;
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        bus.Subscribe(OnEventAsync);
    }

    public static byte[] Serialize(ServerEvent evt) => Encoding.UTF8.GetBytes(evt.ToPayload().ToJsonString(JsonResponse.WriteOptions));

    private Task OnEventAsync(ServerEvent evt)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            return Task.CompletedTask;
        }

        var body = Serialize(evt);
        foreach (var webhook in store.SubscribersOf(evt.OrganizationId, evt.Type))
        {
            var sent = new SentEvent(evt.Id, evt.Type, body);
            store.RecordEvent(webhook, sent);
            Track(DeliverWithRetriesAsync(webhook, sent, stopping.Token));
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
        store.RecordEvent(webhook, sent);
        return AttemptAsync(webhook, sent, "test", cancellationToken);
    }

    private void Track(Task task)
    {
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverWithRetriesAsync(Webhook webhook, SentEvent sent, CancellationToken token)
    {
        try
        {
            await Task.Yield();
            var delays = options.WebhookRetryDelays;
            for (var retry = 0; ; retry++)
            {
                if (!store.IsLive(webhook))
                {
                    return;
                }

                var delivery = await AttemptAsync(webhook, sent, "automatic", token).ConfigureAwait(false);
                if (delivery.Success || retry >= delays.Count)
                {
                    return;
                }

                await Task.Delay(delays[retry], clock.TimeProvider, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // server shutting down
        }
    }

    private async Task<WebhookDelivery> AttemptAsync(Webhook webhook, SentEvent sent, string trigger, CancellationToken token)
    {
        var attemptedAt = clock.UtcNow;
        var secrets = store.Mutate(webhook, w => w.SigningSecrets(attemptedAt));
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
            timeout.CancelAfter(options.WebhookTimeout);
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"The endpoint answered {status} {response.ReasonPhrase}.";
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                error = $"Timed out after {options.WebhookTimeout.TotalMilliseconds:0} ms.";
            }
            catch (HttpRequestException ex)
            {
                error = "Connection failed: " + ex.Message;
            }
        }

        var delivery = new WebhookDelivery(
            Ids.New("dlv"),
            webhook.Id,
            store.NextSequence(),
            sent.Id,
            sent.Type,
            store.NextAttempt(webhook, sent.Id),
            trigger,
            status,
            watch.ElapsedMilliseconds,
            error,
            attemptedAt,
            error is null);
        store.AddDelivery(webhook, delivery);
        return delivery;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running.Keys.ToArray()).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // expected on shutdown
        }

        http.Dispose();
        stopping.Dispose();
    }

    /// <summary>A test event of the given type, with illustrative data.</summary>
    public static JsonObject TestData(string webhookId) => new() { ["test"] = true, ["webhook_id"] = webhookId };
}
