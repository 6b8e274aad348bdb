using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Workflows;

/// <summary>Workflow statuses.</summary>
internal static class WorkflowStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Inactive = "inactive";

    public static IReadOnlyList<string> All { get; } = [Draft, Active, Inactive];
}

/// <summary>One action of a workflow. <see cref="Config"/> is never mutated once stored.</summary>
internal sealed record WorkflowAction(string Id, string Type, JsonObject Config)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["type"] = Type,
        ["config"] = Config.DeepClone(),
    };
}

/// <summary>A stored workflow (immutable snapshot; the store swaps whole records).</summary>
internal sealed record Workflow(
    string Id, string OrganizationId, long Sequence,
    string Name,
    string? Description,
    string Status,
    string? Channel,
    JsonObject? Trigger,
    IReadOnlyList<WorkflowAction> Actions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? DeactivatedAt) : IOrganizationScoped
{
    /// <summary>The wire shape, with the counters of the workflow's executions.</summary>
    public JsonObject ToJson(WorkflowExecutionStats stats) => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["description"] = Description,
        ["status"] = Status,
        ["channel"] = Channel,
        ["trigger"] = Trigger?.DeepClone(),
        ["actions"] = new JsonArray([.. Actions.Select(a => (JsonNode)a.ToJson())]),
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["updated_at"] = JsonResponse.Time(UpdatedAt),
        ["activated_at"] = JsonResponse.Time(ActivatedAt),
        ["deactivated_at"] = JsonResponse.Time(DeactivatedAt),
        ["execution_count"] = stats.Total,
        ["success_rate"] = stats.SuccessRate,
    };

    /// <summary>Returns a copy moved to <paramref name="status"/>, stamping activated_at / deactivated_at on a change.</summary>
    public Workflow WithStatus(string status, DateTimeOffset now)
    {
        if (status == Status)
        {
            return this;
        }

        return status switch
        {
            WorkflowStatus.Active => this with { Status = status, ActivatedAt = now, UpdatedAt = now },
            WorkflowStatus.Inactive => this with { Status = status, DeactivatedAt = now, UpdatedAt = now },
            _ => this with { Status = status, UpdatedAt = now },
        };
    }
}

/// <summary>Execution counters shown on a workflow.</summary>
internal sealed record WorkflowExecutionStats(int Total, int Completed, int Failed)
{
    public static readonly WorkflowExecutionStats Empty = new(0, 0, 0);

    public double? SuccessRate => Completed + Failed == 0 ? null : Math.Round((double)Completed / (Completed + Failed), 4);
}
