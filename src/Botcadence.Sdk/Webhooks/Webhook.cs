using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A webhook of either kind: an inbound trigger URL or an outbound event subscription (see <see cref="Kind"/>).</summary>
public sealed class Webhook : BotCadenceResult
{
    /// <summary>The webhook's id (opaque, e.g. <c>hook_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>Trigger or subscription.</summary>
    [JsonInclude] public WebhookKind Kind { get; internal set; }

    /// <summary>For a trigger, the inbound URL to POST JSON to (the URL is the secret); for a subscription, your endpoint the events go to.</summary>
    [JsonInclude] public string Url { get; internal set; } = string.Empty;

    /// <summary>Subscriptions: the event types delivered (<see cref="WebhookEventType.All"/> for every type).</summary>
    [JsonInclude] public IReadOnlyList<WebhookEventType> Events { get; internal set; } = [];

    /// <summary>Subscriptions: a human-readable label.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>
    /// Subscriptions: the signing secret (<c>whsec_…</c>). Only populated in the responses of
    /// <see cref="IWebhooksClient.CreateSubscriptionAsync"/> and <see cref="IWebhooksClient.RotateSecretAsync"/>: store it then.
    /// </summary>
    [JsonInclude] public string? Secret { get; internal set; }

    /// <summary>Subscriptions: after a rotation, until when deliveries are also signed with the previous secret.</summary>
    [JsonInclude] public DateTimeOffset? PreviousSecretExpiresAt { get; internal set; }

    /// <summary>Triggers: the workflow a POST to <see cref="Url"/> executes.</summary>
    [JsonInclude] public string? WorkflowId { get; internal set; }

    /// <summary>Triggers: the event name the trigger stands for (e.g. <c>user.created</c>), informational.</summary>
    [JsonInclude] public string? Event { get; internal set; }

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }
}

/// <summary>One delivery attempt of an event to a subscription, as the delivery log shows it.</summary>
public sealed class WebhookDelivery : BotCadenceResult
{
    /// <summary>The attempt's id (<c>dlv_…</c>), for <see cref="IWebhooksClient.RetryDeliveryAsync"/>.</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The webhook it was sent to.</summary>
    [JsonInclude] public string WebhookId { get; internal set; } = string.Empty;

    /// <summary>The event's id (<c>evt_…</c>): the same for every attempt of one event, so receivers drop duplicates by it.</summary>
    [JsonInclude] public string EventId { get; internal set; } = string.Empty;

    /// <summary>The event type.</summary>
    [JsonInclude] public WebhookEventType Event { get; internal set; }

    /// <summary>1 for the first attempt of the event at this webhook, then 2, 3, … for retries (automatic or manual).</summary>
    [JsonInclude] public int Attempt { get; internal set; }

    /// <summary>What caused the attempt: <c>automatic</c>, <c>manual</c> (a retry by hand) or <c>test</c>.</summary>
    [JsonInclude] public string Trigger { get; internal set; } = string.Empty;

    /// <summary>The HTTP status your endpoint answered, or null when there was no answer (timeout, refused connection).</summary>
    [JsonInclude] public int? StatusCode { get; internal set; }

    /// <summary>How long the attempt took, in milliseconds.</summary>
    [JsonInclude] public long LatencyMs { get; internal set; }

    /// <summary>Why the attempt failed, or null when it succeeded.</summary>
    [JsonInclude] public string? Error { get; internal set; }

    /// <summary>True when your endpoint answered 2xx.</summary>
    [JsonInclude] public bool Success { get; internal set; }

    /// <summary>When the attempt was made.</summary>
    [JsonInclude] public DateTimeOffset AttemptedAt { get; internal set; }

    /// <summary>When it was delivered (the attempt time of a successful attempt), or null.</summary>
    [JsonInclude] public DateTimeOffset? DeliveredAt { get; internal set; }
}
