using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;
using Botcadence.ReferenceServer.Forms;

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
    string? CompletedBy);

/// <summary>A run: an instance of a published template.</summary>
internal sealed record Run(
    string Id,
    string OrganizationId,
    long Sequence,
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
}

/// <summary>Runs per organization. Reads compute OVERDUE from the server clock and publish <c>run.overdue</c> once.</summary>
internal sealed class RunStore(ServerClock clock, EventBus events) : OrganizationScopedStore<Run>
{
    /// <summary>Reads a run, noting (once) that it became overdue.</summary>
    public Run? Read(string organizationId, string id)
    {
        var run = Get(organizationId, id);
        return run is null ? null : Observe(run);
    }

    /// <summary>Lists runs newest first with their effective status, noting newly overdue ones.</summary>
    public IReadOnlyList<Run> ReadAll(string organizationId, Func<Run, string, bool> filter)
    {
        var now = clock.UtcNow;
        return List(organizationId, _ => true).Select(Observe).Where(r => filter(r, r.EffectiveStatus(now))).ToList();
    }

    private Run Observe(Run run)
    {
        if (run.OverduePublished || run.EffectiveStatus(clock.UtcNow) != RunStatus.Overdue)
        {
            return run;
        }

        var first = false;
        var updated = Update(run.OrganizationId, run.Id, r =>
        {
            if (r.OverduePublished || r.EffectiveStatus(clock.UtcNow) != RunStatus.Overdue)
            {
                return r;
            }

            first = true;
            return r with { OverduePublished = true };
        }) ?? run;
        if (first)
        {
            events.Publish(run.OrganizationId, EventTypes.RunOverdue, new JsonObject
            {
                ["run_id"] = run.Id,
                ["template_id"] = run.TemplateId,
                ["due_date"] = JsonResponse.Time(run.DueDate),
            });
        }

        return updated;
    }

    public JsonObject ToJson(Run run, bool withTasks = true)
    {
        var json = new JsonObject
        {
            ["id"] = run.Id,
            ["name"] = run.Name,
            ["status"] = run.EffectiveStatus(clock.UtcNow),
            ["template_id"] = run.TemplateId,
            ["assignee_id"] = run.AssigneeId,
            ["due_date"] = JsonResponse.Time(run.DueDate),
            ["form_data"] = run.FormData?.DeepClone(),
            ["created_at"] = JsonResponse.Time(run.CreatedAt),
            ["updated_at"] = JsonResponse.Time(run.UpdatedAt),
            ["completed_at"] = JsonResponse.Time(run.CompletedAt),
        };
        if (withTasks)
        {
            var tasks = new JsonArray();
            foreach (var task in run.Tasks)
            {
                tasks.Add(ToJson(task));
            }

            json["tasks"] = tasks;
        }

        return json;
    }

    public static JsonObject ToJson(RunTask task) => new()
    {
        ["id"] = task.Id,
        ["run_id"] = task.RunId,
        ["template_task_id"] = task.TemplateTaskId,
        ["name"] = task.Name,
        ["description"] = task.Description,
        ["required"] = task.Required,
        ["status"] = task.Status,
        ["value"] = task.Value?.DeepClone(),
        ["fields"] = FormFields.ToJson(task.Fields),
        ["assignee_id"] = task.AssigneeId,
        ["due_date"] = JsonResponse.Time(task.DueDate),
        ["completed_at"] = JsonResponse.Time(task.CompletedAt),
        ["completed_by"] = task.CompletedBy,
    };
}
