using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Workflows;

/// <summary>Wire shape of a workflow.</summary>
internal static class WorkflowJson
{
    public static JsonObject ToJson(Workflow w, WorkflowExecutionStats stats)
    {
        var actions = new JsonArray();
        foreach (var action in w.Actions)
        {
            actions.Add(new JsonObject
            {
                ["id"] = action.Id,
                ["type"] = action.Type,
                ["config"] = action.Config.DeepClone(),
            });
        }

        return new JsonObject
        {
            ["id"] = w.Id,
            ["name"] = w.Name,
            ["description"] = w.Description,
            ["status"] = w.Status,
            ["channel"] = w.Channel,
            ["trigger"] = w.Trigger?.DeepClone(),
            ["actions"] = actions,
            ["created_at"] = JsonResponse.Time(w.CreatedAt),
            ["updated_at"] = JsonResponse.Time(w.UpdatedAt),
            ["activated_at"] = JsonResponse.Time(w.ActivatedAt),
            ["deactivated_at"] = JsonResponse.Time(w.DeactivatedAt),
            ["execution_count"] = stats.Total,
            ["success_rate"] = stats.SuccessRate,
        };
    }
}
