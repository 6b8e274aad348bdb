namespace Botcadence.Sdk;

/// <summary>
/// Webhooks (scope <c>webhooks:manage</c>): inbound trigger URLs that execute a workflow, and event subscriptions the
/// service POSTs signed events to, with their delivery logs. Verify what you receive with <see cref="WebhookVerifier"/>.
/// </summary>
public interface IWebhooksClient
{
    /// <summary>Subscribes an endpoint of yours to events (scope <c>webhooks:manage</c>).</summary>
    /// <param name="options">The URL and event types; the secret is generated when omitted.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subscription, with <see cref="Webhook.Secret"/> populated: this is the only time it is shown (besides a rotation).</returns>
    Task<Webhook> CreateSubscriptionAsync(WebhookSubscriptionCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Creates an inbound trigger URL for a workflow (scope <c>webhooks:manage</c>): a POST of JSON to <see cref="Webhook.Url"/> executes the workflow with that JSON as input.</summary>
    /// <param name="options">The workflow and an optional event name.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The trigger webhook.</returns>
    Task<Webhook> CreateTriggerAsync(WebhookTriggerCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Lists webhooks of both kinds, newest first (scope <c>webhooks:manage</c>). Secrets are never listed.</summary>
    /// <param name="options">Kind filter and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The webhooks, enumerable item by item or page by page.</returns>
    AsyncPageable<Webhook> ListAsync(WebhookListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a webhook (scope <c>webhooks:manage</c>); the secret is not included.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The webhook.</returns>
    Task<Webhook> GetAsync(string webhookId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a webhook (scope <c>webhooks:manage</c>): a trigger URL stops working, a subscription stops receiving (pending retries are dropped).</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the webhook is deleted.</returns>
    Task<ResponseInfo> DeleteAsync(string webhookId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Lists a webhook's delivery attempts, newest first (scope <c>webhooks:manage</c>).</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="options">Page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The attempts: status code, latency, error and success of each.</returns>
    AsyncPageable<WebhookDelivery> ListDeliveriesAsync(string webhookId, WebhookDeliveryListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Sends the event of a delivery again, now (scope <c>webhooks:manage</c>); the body and event id are the same, so receivers can drop the duplicate.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="deliveryId">Any delivery attempt of the event (<c>dlv_…</c>).</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new attempt.</returns>
    Task<WebhookDelivery> RetryDeliveryAsync(string webhookId, string deliveryId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a signed test event to a subscription, once (scope <c>webhooks:manage</c>).</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="options">The event type of the test event.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The delivery attempt, with your endpoint's answer.</returns>
    Task<WebhookDelivery> SendTestAsync(string webhookId, WebhookTestOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a subscription's signing secret (scope <c>webhooks:manage</c>). During the grace period deliveries carry
    /// Standard Webhooks signatures from both secrets, so receivers can switch over without dropping events.
    /// </summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="options">The grace period (default 24 hours).</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The webhook with the new <see cref="Webhook.Secret"/>.</returns>
    Task<Webhook> RotateSecretAsync(string webhookId, WebhookRotateSecretOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class WebhooksClient : IWebhooksClient
{
    private readonly ClientCore _core;
    private readonly IWebhooksApi _api;

    public WebhooksClient(ClientCore core, IWebhooksApi api)
    {
        _core = core;
        _api = api;
    }

    public Task<Webhook> CreateSubscriptionAsync(WebhookSubscriptionCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Url, nameof(options));
        return _core.ReadAsync("Webhooks.CreateSubscription", requestOptions, (call, ct) => _api.CreateSubscriptionAsync(options, call, ct), BotCadenceJsonContext.Default.Webhook, cancellationToken);
    }

    public Task<Webhook> CreateTriggerAsync(WebhookTriggerCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.WorkflowId, nameof(options));
        return _core.ReadAsync("Webhooks.CreateTrigger", requestOptions, (call, ct) => _api.CreateTriggerAsync(options, call, ct), BotCadenceJsonContext.Default.Webhook, cancellationToken);
    }

    public AsyncPageable<Webhook> ListAsync(WebhookListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var kind = options?.Kind?.Value;
        var pageSize = options?.PageSize;
        return _core.PageStyle("Webhooks.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, kind, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeWebhook, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Webhook> GetAsync(string webhookId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        return _core.ReadAsync("Webhooks.Get", requestOptions, (call, ct) => _api.GetAsync(webhookId, call, ct), BotCadenceJsonContext.Default.Webhook, cancellationToken);
    }

    public Task<ResponseInfo> DeleteAsync(string webhookId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        return _core.ReadNothingAsync("Webhooks.Delete", requestOptions, (call, ct) => _api.DeleteAsync(webhookId, call, ct), cancellationToken);
    }

    public AsyncPageable<WebhookDelivery> ListDeliveriesAsync(string webhookId, WebhookDeliveryListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        var pageSize = options?.PageSize;
        return _core.PageStyle("Webhooks.ListDeliveries", requestOptions, (call, page, perPage, ct) => _api.ListDeliveriesAsync(webhookId, page, perPage, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeWebhookDelivery, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<WebhookDelivery> RetryDeliveryAsync(string webhookId, string deliveryId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        return _core.ReadAsync("Webhooks.RetryDelivery", requestOptions, (call, ct) => _api.RetryDeliveryAsync(webhookId, deliveryId, call, ct), BotCadenceJsonContext.Default.WebhookDelivery, cancellationToken);
    }

    public Task<WebhookDelivery> SendTestAsync(string webhookId, WebhookTestOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        var body = new WebhookTestRequest { Event = options?.Event };
        return _core.ReadAsync("Webhooks.SendTest", requestOptions, (call, ct) => _api.SendTestAsync(webhookId, body, call, ct), BotCadenceJsonContext.Default.WebhookDelivery, cancellationToken);
    }

    public Task<Webhook> RotateSecretAsync(string webhookId, WebhookRotateSecretOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        if (options?.GracePeriod is { } grace && grace < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), grace, "The grace period must not be negative.");
        }

        var body = new WebhookRotateSecretRequest { GracePeriodSeconds = options?.GracePeriod is { } g ? (long)g.TotalSeconds : null };
        return _core.ReadAsync("Webhooks.RotateSecret", requestOptions, (call, ct) => _api.RotateSecretAsync(webhookId, body, call, ct), BotCadenceJsonContext.Default.Webhook, cancellationToken);
    }
}
