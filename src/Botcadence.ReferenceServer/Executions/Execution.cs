using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>Execution and step statuses.</summary>
internal static class ExecutionStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Skipped = "skipped";

    public static IReadOnlyList<string> All { get; } = [Pending, Running, Completed, Failed, Cancelled];

    public static bool IsFinished(string status) => status is Completed or Failed or Cancelled;
}

/// <summary>A stored execution. Mutable, but only ever touched under <see cref="ExecutionStore"/>'s lock (<see cref="ExecutionStore.WithLock"/>).</summary>
internal sealed class Execution : IOrganizationScoped
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string WorkflowId { get; init; }

    public required long Sequence { get; init; }

    public required JsonObject Input { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required List<ExecutionStep> Steps { get; init; }

    public string Status { get; set; } = ExecutionStatus.Pending;

    public JsonNode? Output { get; set; }

    public JsonObject? Error { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<ExecutionLog> Logs { get; } = [];

    public long? DurationMs => StartedAt is { } s && CompletedAt is { } c ? (long)(c - s).TotalMilliseconds : null;

    /// <summary>The wire shape. Call under the store's lock (see <see cref="ExecutionStore.WithLock"/>).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["workflow_id"] = WorkflowId,
        ["status"] = Status,
        ["input"] = Input.DeepClone(),
        ["output"] = Output?.DeepClone(),
        ["error"] = Error?.DeepClone(),
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["started_at"] = JsonResponse.Time(StartedAt),
        ["completed_at"] = JsonResponse.Time(CompletedAt),
        ["duration_ms"] = DurationMs,
        ["steps"] = new JsonArray([.. Steps.Select(s => (JsonNode)s.ToJson())]),
        ["logs"] = new JsonArray([.. Logs.Select(l => (JsonNode)l.ToJson())]),
    };
}

/// <summary>What metrics need from one execution.</summary>
internal sealed record ExecutionFacts(string Status, DateTimeOffset At, long? DurationMs);
