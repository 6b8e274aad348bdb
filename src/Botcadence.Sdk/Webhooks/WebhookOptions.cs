using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The body of <see cref="IWebhooksClient.CreateSubscriptionAsync"/>: where to send which events.</summary>
public sealed class WebhookSubscriptionCreateOptions
{
    /// <summary>Your endpoint: an absolute http(s) URL (required).</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The event types to deliver (required); <c>[WebhookEventType.All]</c> for every type.</summary>
    public IList<WebhookEventType> Events { get; set; } = [];

    /// <summary>The signing secret (<c>whsec_</c> + base64 of 24–64 random bytes); omit it and the service generates one.</summary>
    public string? Secret { get; set; }

    /// <summary>A human-readable label.</summary>
    public string? Description { get; set; }
}

/// <summary>The body of <see cref="IWebhooksClient.CreateTriggerAsync"/>: an inbound URL that executes a workflow.</summary>
public sealed class WebhookTriggerCreateOptions
{
    /// <summary>The workflow to execute (required).</summary>
    public string WorkflowId { get; set; } = string.Empty;

    /// <summary>The event name the trigger stands for, e.g. <c>user.created</c>.</summary>
    public string? Event { get; set; }
}

/// <summary>Filters for listing webhooks.</summary>
public sealed class WebhookListOptions
{
    /// <summary>Only webhooks of this kind.</summary>
    public WebhookKind? Kind { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>Options for listing a webhook's deliveries.</summary>
public sealed class WebhookDeliveryListOptions
{
    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>Options for <see cref="IWebhooksClient.SendTestAsync"/>.</summary>
public sealed class WebhookTestOptions
{
    /// <summary>The event type of the test event; default: the subscription's first event type.</summary>
    public WebhookEventType? Event { get; set; }
}

/// <summary>Options for <see cref="IWebhooksClient.RotateSecretAsync"/>.</summary>
public sealed class WebhookRotateSecretOptions
{
    /// <summary>How long deliveries stay signed with the old secret as well (default 24 hours; zero drops it at once; at most 7 days).</summary>
    public TimeSpan? GracePeriod { get; set; }
}

/// <summary>The body of the test call.</summary>
internal sealed class WebhookTestRequest
{
    [JsonPropertyName("event")]
    public WebhookEventType? Event { get; set; }
}

/// <summary>The body of the rotate-secret call.</summary>
internal sealed class WebhookRotateSecretRequest
{
    [JsonPropertyName("grace_period_seconds")]
    public long? GracePeriodSeconds { get; set; }
}
