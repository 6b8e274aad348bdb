using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Runs;

/// <summary>Run states. OVERDUE is never stored: it is an IN_PROGRESS run read after its due date.</summary>
internal static class RunStatus
{
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Overdue = "OVERDUE";
    public const string Cancelled = "CANCELLED";

    public static IReadOnlyList<string> All { get; } = [InProgress, Completed, Overdue, Cancelled];
}

/// <summary>A run: an instance of a published template.</summary>
internal sealed record Run(
    string Id, string OrganizationId, long Sequence,
    string TemplateId,
    string Name,
    string Status,
    string? AssigneeId,
    DateTimeOffset? DueDate,
    JsonObject? FormData,
    IReadOnlyList<RunTask> Tasks,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    bool OverduePublished) : IOrganizationScoped
{
    public string EffectiveStatus(DateTimeOffset now) =>
        Status == RunStatus.InProgress && DueDate is { } due && due < now ? RunStatus.Overdue : Status;

    /// <summary>The wire shape, with the status as of <paramref name="now"/> (OVERDUE is computed, never stored).</summary>
    public JsonObject ToJson(DateTimeOffset now, bool withTasks = true)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["status"] = EffectiveStatus(now),
            ["template_id"] = TemplateId,
            ["assignee_id"] = AssigneeId,
            ["due_date"] = JsonResponse.Time(DueDate),
            ["form_data"] = FormData?.DeepClone(),
            ["created_at"] = JsonResponse.Time(CreatedAt),
            ["updated_at"] = JsonResponse.Time(UpdatedAt),
            ["completed_at"] = JsonResponse.Time(CompletedAt),
        };
        if (withTasks)
        {
            json["tasks"] = new JsonArray([.. Tasks.Select(t => (JsonNode)t.ToJson())]);
        }

        return json;
    }
}
