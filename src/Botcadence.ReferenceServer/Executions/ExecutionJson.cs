using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>Wire shape of an execution. Call under the store's lock.</summary>
internal static class ExecutionJson
{
    public static JsonObject ToJson(Execution e)
    {
        var steps = new JsonArray();
        foreach (var s in e.Steps)
        {
            steps.Add(new JsonObject
            {
                ["id"] = s.Id,
                ["type"] = s.Type,
                ["status"] = s.Status,
                ["started_at"] = JsonResponse.Time(s.StartedAt),
                ["completed_at"] = JsonResponse.Time(s.CompletedAt),
                ["duration_ms"] = s.DurationMs,
                ["input"] = s.Input?.DeepClone(),
                ["output"] = s.Output?.DeepClone(),
                ["error"] = s.Error,
            });
        }

        var logs = new JsonArray();
        foreach (var l in e.Logs)
        {
            logs.Add(new JsonObject
            {
                ["timestamp"] = JsonResponse.Time(l.Timestamp),
                ["level"] = l.Level,
                ["message"] = l.Message,
                ["step_id"] = l.StepId,
            });
        }

        return new JsonObject
        {
            ["id"] = e.Id,
            ["workflow_id"] = e.WorkflowId,
            ["status"] = e.Status,
            ["input"] = e.Input.DeepClone(),
            ["output"] = e.Output?.DeepClone(),
            ["error"] = e.Error?.DeepClone(),
            ["created_at"] = JsonResponse.Time(e.CreatedAt),
            ["started_at"] = JsonResponse.Time(e.StartedAt),
            ["completed_at"] = JsonResponse.Time(e.CompletedAt),
            ["duration_ms"] = e.DurationMs,
            ["steps"] = steps,
            ["logs"] = logs,
        };
    }
}
