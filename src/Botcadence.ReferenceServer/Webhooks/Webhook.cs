using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>The two kinds of webhook (PRODUCT.md, "Two kinds of webhook").</summary>
internal static class WebhookKinds
{
    public const string Trigger = "trigger";
    public const string Subscription = "subscription";

    public static IReadOnlyList<string> All { get; } = [Trigger, Subscription];
}

/// <summary>One webhook of either kind. Mutable fields change only under <see cref="WebhookStore"/>'s lock.</summary>
internal sealed class Webhook
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Kind { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    // subscription
    public string? Url { get; init; }
    public IReadOnlyList<string> Events { get; init; } = [];
    public string? Description { get; init; }
    public string Secret { get; set; } = string.Empty;
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    // trigger
    public string? WorkflowId { get; init; }
    public string? Event { get; init; }

    public bool Deleted { get; set; }

    public List<WebhookDelivery> Deliveries { get; } = [];

    /// <summary>The payload bytes of every event sent to this webhook, so a retry re-sends the very same body.</summary>
    public Dictionary<string, SentEvent> SentEvents { get; } = new(StringComparer.Ordinal);

    public bool Wants(string eventType) =>
        Kind == WebhookKinds.Subscription && (Events.Contains("*") || Events.Contains(eventType));

    /// <summary>The secrets to sign with at <paramref name="now"/>: the current one first, then the previous one during its grace period.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];
}

/// <summary>An event sent (or being sent) to a webhook.</summary>
internal sealed record SentEvent(string Id, string Type, byte[] Body);

/// <summary>One delivery attempt, as the delivery log shows it.</summary>
internal sealed record WebhookDelivery(
    string Id,
    string WebhookId,
    long Sequence,
    string EventId,
    string EventType,
    int Attempt,
    string Trigger,
    int? StatusCode,
    long LatencyMs,
    string? Error,
    DateTimeOffset AttemptedAt,
    bool Success)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["webhook_id"] = WebhookId,
        ["event_id"] = EventId,
        ["event"] = EventType,
        ["attempt"] = Attempt,
        ["trigger"] = Trigger,
        ["status_code"] = StatusCode,
        ["latency_ms"] = LatencyMs,
        ["error"] = Error,
        ["success"] = Success,
        ["attempted_at"] = JsonResponse.Time(AttemptedAt),
        ["delivered_at"] = Success ? JsonResponse.Time(AttemptedAt) : null,
    };
}
