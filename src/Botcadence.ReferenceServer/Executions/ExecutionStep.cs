using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>One step (one workflow action) of an execution.</summary>
internal sealed class ExecutionStep
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required JsonObject Config { get; init; }

    public string Status { get; set; } = ExecutionStatus.Pending;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public JsonNode? Input { get; set; }

    public JsonNode? Output { get; set; }

    public string? Error { get; set; }

    public long? DurationMs => StartedAt is { } s && CompletedAt is { } c ? (long)(c - s).TotalMilliseconds : null;

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["type"] = Type,
        ["status"] = Status,
        ["started_at"] = JsonResponse.Time(StartedAt),
        ["completed_at"] = JsonResponse.Time(CompletedAt),
        ["duration_ms"] = DurationMs,
        ["input"] = Input?.DeepClone(),
        ["output"] = Output?.DeepClone(),
        ["error"] = Error,
    };
}
