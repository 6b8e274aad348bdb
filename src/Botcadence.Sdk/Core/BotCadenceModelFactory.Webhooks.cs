namespace Botcadence.Sdk;

// Typed factories for the webhooks output models (one per model; a test checks that every output model has one).
public static partial class BotCadenceModelFactory
{
    /// <summary>Builds a <see cref="Sdk.Webhook"/> (a webhook of either kind: an inbound trigger URL or an outbound event subscription (see <c>Kind</c>)) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The webhook's id (opaque, e.g. <c>hook_…</c>).</param>
    /// <param name="kind">Trigger or subscription.</param>
    /// <param name="url">For a trigger, the inbound URL to POST JSON to (the URL is the secret); for a subscription, your endpoint the events go to.</param>
    /// <param name="events">Subscriptions: the event types delivered (<see cref="WebhookEventType.All"/> for every type).</param>
    /// <param name="description">Subscriptions: a human-readable label.</param>
    /// <param name="secret">Subscriptions: the signing secret (<c>whsec_…</c>). Only populated in the responses of <see cref="IWebhooksClient.CreateSubscriptionAsync"/> and <see cref="IWebhooksClient.RotateSecretAsync"/>: store it then.</param>
    /// <param name="previousSecretExpiresAt">Subscriptions: after a rotation, until when deliveries are also signed with the previous secret.</param>
    /// <param name="workflowId">Triggers: the workflow a POST to <c>Url</c> executes.</param>
    /// <param name="event">Triggers: the event name the trigger stands for (e.g. <c>user.created</c>), informational.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <returns>The model.</returns>
    public static Webhook Webhook(
        string? id = null,
        WebhookKind? kind = null,
        string? url = null,
        IEnumerable<WebhookEventType>? events = null,
        string? description = null,
        string? secret = null,
        DateTimeOffset? previousSecretExpiresAt = null,
        string? workflowId = null,
        string? @event = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Kind = kind ?? default,
            Url = url ?? string.Empty,
            Events = events?.ToList() ?? [],
            Description = description,
            Secret = secret,
            PreviousSecretExpiresAt = previousSecretExpiresAt,
            WorkflowId = workflowId,
            Event = @event,
            CreatedAt = createdAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.WebhookDelivery"/> (one delivery attempt of an event to a subscription, as the delivery log shows it) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The attempt's id (<c>dlv_…</c>), for <see cref="IWebhooksClient.RetryDeliveryAsync"/>.</param>
    /// <param name="webhookId">The webhook it was sent to.</param>
    /// <param name="eventId">The event's id (<c>evt_…</c>): the same for every attempt of one event, so receivers drop duplicates by it.</param>
    /// <param name="event">The event type.</param>
    /// <param name="attempt">1 for the first attempt of the event at this webhook, then 2, 3, … for retries (automatic or manual).</param>
    /// <param name="trigger">What caused the attempt: <c>automatic</c>, <c>manual</c> (a retry by hand) or <c>test</c>.</param>
    /// <param name="statusCode">The HTTP status your endpoint answered, or null when there was no answer (timeout, refused connection).</param>
    /// <param name="latencyMs">How long the attempt took, in milliseconds.</param>
    /// <param name="error">Why the attempt failed, or null when it succeeded.</param>
    /// <param name="success">True when your endpoint answered 2xx.</param>
    /// <param name="attemptedAt">When the attempt was made.</param>
    /// <param name="deliveredAt">When it was delivered (the attempt time of a successful attempt), or null.</param>
    /// <returns>The model.</returns>
    public static WebhookDelivery WebhookDelivery(
        string? id = null,
        string? webhookId = null,
        string? eventId = null,
        WebhookEventType? @event = null,
        int? attempt = null,
        string? trigger = null,
        int? statusCode = null,
        long? latencyMs = null,
        string? error = null,
        bool? success = null,
        DateTimeOffset? attemptedAt = null,
        DateTimeOffset? deliveredAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            WebhookId = webhookId ?? string.Empty,
            EventId = eventId ?? string.Empty,
            Event = @event ?? default,
            Attempt = attempt ?? default,
            Trigger = trigger ?? string.Empty,
            StatusCode = statusCode,
            LatencyMs = latencyMs ?? default,
            Error = error,
            Success = success ?? default,
            AttemptedAt = attemptedAt ?? default,
            DeliveredAt = deliveredAt,
        };
}
