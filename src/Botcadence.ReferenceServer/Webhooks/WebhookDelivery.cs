using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Webhooks;

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
