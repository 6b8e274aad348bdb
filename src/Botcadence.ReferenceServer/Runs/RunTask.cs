using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Forms;

namespace Botcadence.ReferenceServer.Runs;

/// <summary>Task states.</summary>
internal static class RunTaskStatus
{
    public const string Pending = "PENDING";
    public const string Completed = "COMPLETED";
    public const string Skipped = "SKIPPED";

    public static IReadOnlyList<string> Settable { get; } = [Completed, Skipped];
}

/// <summary>One task of a run, generated from a template task.</summary>
internal sealed record RunTask(
    string Id,
    string RunId,
    string TemplateTaskId,
    string Name,
    string? Description,
    bool Required,
    IReadOnlyList<FormField> Fields,
    string Status,
    JsonNode? Value,
    string? AssigneeId,
    DateTimeOffset? DueDate,
    DateTimeOffset? CompletedAt,
    string? CompletedBy)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["run_id"] = RunId,
        ["template_task_id"] = TemplateTaskId,
        ["name"] = Name,
        ["description"] = Description,
        ["required"] = Required,
        ["status"] = Status,
        ["value"] = Value?.DeepClone(),
        ["fields"] = FormField.ToJson(Fields),
        ["assignee_id"] = AssigneeId,
        ["due_date"] = JsonResponse.Time(DueDate),
        ["completed_at"] = JsonResponse.Time(CompletedAt),
        ["completed_by"] = CompletedBy,
    };
}
