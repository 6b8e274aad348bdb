using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Botcadence.Sdk.Testing;

/// <summary>One delivery attempt the test server made to a webhook subscription (see <see cref="TestServerWebhooks.Deliveries"/>).</summary>
/// <param name="Id">The attempt's id (<c>dlv_…</c>).</param>
/// <param name="WebhookId">The subscription.</param>
/// <param name="Url">Where it was sent.</param>
/// <param name="EventId">The event id (<c>evt_…</c>), the same on every attempt.</param>
/// <param name="EventType">The event type, e.g. <c>execution.completed</c>.</param>
/// <param name="Attempt">1 for the first attempt of this event to this webhook.</param>
/// <param name="Trigger"><c>automatic</c>, <c>manual</c> (redelivery) or <c>test</c>.</param>
/// <param name="StatusCode">The receiver's status, or null when it did not answer.</param>
/// <param name="Success">Whether the receiver answered 2xx.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="AttemptedAt">When, on the server clock.</param>
/// <param name="Body">The exact JSON payload sent (signed as is).</param>
public sealed record WebhookDeliveryRecord(
    string Id,
    string WebhookId,
    string Url,
    string EventId,
    string EventType,
    int Attempt,
    string Trigger,
    int? StatusCode,
    bool Success,
    string? Error,
    DateTimeOffset AttemptedAt,
    string Body);

/// <summary>A webhook request as the test server's built-in receiver (<see cref="TestServerWebhooks.ReceiverUrl"/>) got it.</summary>
/// <param name="Body">The exact body.</param>
/// <param name="Headers">The request headers (case-insensitive names), signatures included.</param>
public sealed record ReceivedWebhook(string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A signed webhook request, as BotCadence sends it: for testing your own webhook endpoint without the server.
/// Both signature schemes are set (<c>X-BotCadence-Signature</c> and Standard Webhooks), signed by the SDK's own
/// <see cref="WebhookVerifier.Sign(string, string, DateTimeOffset, string)"/>.
/// </summary>
public sealed class SignedWebhookRequest
{
    private SignedWebhookRequest(string eventId, string body, IReadOnlyDictionary<string, string> headers)
    {
        EventId = eventId;
        Body = body;
        Headers = headers;
    }

    /// <summary>The event id (<c>evt_…</c>), also the <c>webhook-id</c> header.</summary>
    public string EventId { get; }

    /// <summary>The JSON body: <c>{"id", "event", "timestamp", "data"}</c>.</summary>
    public string Body { get; }

    /// <summary>The signature headers (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Builds and signs an event payload.</summary>
    /// <param name="secret">The subscription's signing secret (<c>whsec_…</c>).</param>
    /// <param name="eventType">The event type.</param>
    /// <param name="data">The event's <c>data</c> object; empty when null.</param>
    /// <param name="eventId">The event id; a new <c>evt_…</c> when null.</param>
    /// <param name="timestamp">The event and signing time; now when null (pass your fake clock's time to match its tolerance window).</param>
    /// <returns>The signed request.</returns>
    public static SignedWebhookRequest Create(string secret, WebhookEventType eventType, JsonElement? data = null, string? eventId = null, DateTimeOffset? timestamp = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var id = eventId ?? "evt_" + Guid.NewGuid().ToString("N");
        var at = timestamp ?? DateTimeOffset.UtcNow;
        var payload = new JsonObject
        {
            ["id"] = id,
            ["event"] = eventType.ToString(),
            ["timestamp"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = data is { } d ? JsonNode.Parse(d.GetRawText()) : new JsonObject(),
        };
        return FromBody(secret, payload.ToJsonString(), id, at);
    }

    /// <summary>Signs a body you wrote yourself (e.g. copied from a delivery log).</summary>
    /// <param name="secret">The signing secret (<c>whsec_…</c>).</param>
    /// <param name="body">The exact body.</param>
    /// <param name="eventId">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The signing time.</param>
    /// <returns>The signed request.</returns>
    public static SignedWebhookRequest FromBody(string secret, string body, string eventId, DateTimeOffset timestamp) =>
        new(eventId, body, WebhookVerifier.Sign(secret, eventId, timestamp, body));

    /// <summary>An <see cref="HttpRequestMessage"/> to post to your endpoint (e.g. through <c>WebApplicationFactory.CreateClient()</c>).</summary>
    /// <param name="requestUri">Your endpoint.</param>
    /// <returns>The request; the caller disposes it.</returns>
    public HttpRequestMessage ToHttpRequestMessage(Uri requestUri)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, requestUri)
        {
            Content = new StringContent(Body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("BotCadence-Webhooks/1.0");
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}

/// <summary>
/// The test server's webhook side: what it delivered, and a built-in receiver URL that answers 204 and records (or
/// forwards to your handler) every request.
/// </summary>
public sealed class TestServerWebhooks
{
    internal const string ReceiverPath = "/_testing/webhook-receiver";

    private readonly object _gate = new();
    private readonly List<ReceivedWebhook> _received = [];
    private Func<ReceivedWebhook, CancellationToken, Task<int>>? _handler;

    private readonly Func<BotCadenceTestServer> _serverAccessor;

    internal TestServerWebhooks(Func<BotCadenceTestServer> server) => _serverAccessor = server;

    private BotCadenceTestServer Server => _serverAccessor();

    /// <summary>A URL on the test server that accepts webhook deliveries (subscribe to it): 204 unless <see cref="OnReceived"/> says otherwise.</summary>
    public Uri ReceiverUrl => new(Server.RootAddress, ReceiverPath.TrimStart('/'));

    /// <summary>Every request <see cref="ReceiverUrl"/> got, oldest first.</summary>
    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>
    /// Every delivery attempt the server made, to any URL and in every organization, oldest first (failed attempts
    /// and retries included).
    /// </summary>
    public IReadOnlyList<WebhookDeliveryRecord> Deliveries
    {
        get
        {
            var store = Server.Internal<WebhookStore>();
            var records = new List<(long Sequence, WebhookDeliveryRecord Record)>();
            foreach (var organizationId in Server.OrganizationIds)
            {
                foreach (var webhook in store.List(organizationId, w => w.Kind == WebhookKinds.Subscription))
                {
                    foreach (var delivery in store.Deliveries(webhook))
                    {
                        var body = store.FindDelivery(webhook, delivery.Id) is { } found ? Encoding.UTF8.GetString(found.Event.Body) : string.Empty;
                        records.Add((delivery.Sequence, new WebhookDeliveryRecord(
                            delivery.Id, webhook.Id, webhook.Url ?? string.Empty, delivery.EventId, delivery.EventType, delivery.Attempt,
                            delivery.Trigger, delivery.StatusCode, delivery.Success, delivery.Error, delivery.AttemptedAt, body)));
                    }
                }
            }

            return records.OrderBy(r => r.Sequence).Select(r => r.Record).ToList();
        }
    }

    /// <summary>
    /// Forwards every request <see cref="ReceiverUrl"/> gets to your code (e.g. your webhook service's handler); the
    /// status you return is the receiver's answer (a non-2xx makes the server retry). Replaces any earlier handler.
    /// </summary>
    /// <param name="handler">Gets the request; returns the status to answer with.</param>
    public void OnReceived(Func<ReceivedWebhook, CancellationToken, Task<int>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handler = handler;
        }
    }

    /// <summary>Waits until a delivery attempt matching <paramref name="match"/> exists (polling on the real clock).</summary>
    /// <param name="match">The condition; any delivery when null.</param>
    /// <param name="timeout">How long to wait (default 10 s, real time).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first matching delivery.</returns>
    /// <exception cref="TimeoutException">None matched in time.</exception>
    public async Task<WebhookDeliveryRecord> WaitForDeliveryAsync(Func<WebhookDeliveryRecord, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Deliveries.FirstOrDefault(d => match is null || match(d)) is { } found)
            {
                return found;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException("No matching webhook delivery was made in time.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var received = new ReceivedWebhook(body, headers);
        Func<ReceivedWebhook, CancellationToken, Task<int>>? handler;
        lock (_gate)
        {
            _received.Add(received);
            handler = _handler;
        }

        context.Response.StatusCode = handler is null ? StatusCodes.Status204NoContent : await handler(received, context.RequestAborted).ConfigureAwait(false);
    }
}
