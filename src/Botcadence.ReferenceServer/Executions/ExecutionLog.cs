using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>One log line of an execution.</summary>
internal sealed record ExecutionLog(DateTimeOffset Timestamp, string Level, string Message, string? StepId)
{
    public JsonObject ToJson() => new()
    {
        ["timestamp"] = JsonResponse.Time(Timestamp),
        ["level"] = Level,
        ["message"] = Message,
        ["step_id"] = StepId,
    };
}
