using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;
using Botcadence.ReferenceServer.Forms;
using Botcadence.ReferenceServer.Templates;

namespace Botcadence.ReferenceServer.Runs;

/// <summary>/v1/runs routes.</summary>
internal static class RunEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/runs");
        group.MapGet("", List).RequireScope(Scopes.RunsRead);
        group.MapPost("", LaunchAsync).RequireScope(Scopes.RunsExecute);
        group.MapGet("/{runId}", Get).RequireScope(Scopes.RunsRead);
        group.MapPatch("/{runId}/tasks/{taskId}", UpdateTaskAsync).RequireScope(Scopes.RunsWrite);
    }

    private static IResult List(HttpContext context, RunStore store, ServerClock clock)
    {
        var (before, limit) = Pagination.CursorParams(context);
        var status = Query.OneOf(context, "status", RunStatus.All);
        var templateId = Query.Single(context, "template_id");
        var assigneeId = Query.Single(context, "assignee_id");
        var items = store.ReadAll(context.Caller().OrganizationId, (r, effective) =>
            (status is null || effective == status)
            && (string.IsNullOrEmpty(templateId) || r.TemplateId == templateId)
            && (string.IsNullOrEmpty(assigneeId) || r.AssigneeId == assigneeId));
        return ApiResults.Ok(Pagination.Cursor(items, r => r.Sequence, before, limit, r => r.ToJson(clock.UtcNow, withTasks: false)));
    }

    private static IResult Get(HttpContext context, string runId, RunStore store, ServerClock clock) =>
        ApiResults.Ok(store.RequireRead(context.Caller().OrganizationId, runId).ToJson(clock.UtcNow));

    private static async Task<IResult> LaunchAsync(HttpContext context, RunStore store, TemplateStore templates, ServerClock clock, EventBus events)
    {
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var templateId = Fields.TryGet(body, "template_id", out var t) ? Fields.String(t, "template_id", 1, 100) : throw Fields.Required("template_id");
        var name = Fields.TryGet(body, "name", out var n) ? Fields.NullableString(n, "name", 200) : null;
        var assigneeId = Fields.TryGet(body, "assignee_id", out var a) ? Fields.NullableString(a, "assignee_id", 100) : null;
        var dueDate = Fields.TryGet(body, "due_date", out var dd) ? Date(dd, "due_date") : null;
        var formData = Fields.TryGet(body, "form_data", out var fd) && fd is not null ? (JsonObject)Fields.Object(fd, "form_data").DeepClone() : null;

        var org = context.Caller().OrganizationId;
        var template = templates.Require(org, templateId);
        if (template.Status != TemplateStatus.Published)
        {
            throw new ApiException(ApiError.Conflict($"Template {template.Id} is a draft; publish it before launching runs."));
        }

        var allFields = template.Tasks.SelectMany(task => task.Fields).ToList();
        if (formData is not null)
        {
            foreach (var (key, value) in formData)
            {
                var field = allFields.FirstOrDefault(f => f.Name == key)
                    ?? throw Fields.Invalid($"form_data.{key}", $"'form_data.{key}' is not a field of any task of the template.");
                if (value is not null)
                {
                    FormFields.ValidateValue(field, value, $"form_data.{key}");
                }
            }
        }

        var now = clock.UtcNow;
        var runId = Ids.New("run");
        var tasks = template.Tasks.Select(task => new RunTask(
            Ids.New("task"),
            runId,
            task.Id,
            task.Name,
            task.Description,
            task.Required,
            task.Fields,
            RunTaskStatus.Pending,
            Prefill(task.Fields, formData),
            assigneeId,
            task.DueInHours is { } h ? now.AddHours(h) : null,
            null,
            null)).ToList();
        var run = new Run(runId, org, store.NextSequence(), template.Id, string.IsNullOrWhiteSpace(name) ? template.Name : name,
            RunStatus.InProgress, assigneeId, dueDate ?? (template.DueInHours is { } hours ? now.AddHours(hours) : null),
            formData, tasks, now, now, null, false);
        store.Add(run);
        events.Publish(org, EventTypes.RunCreated, new JsonObject
        {
            ["run_id"] = run.Id,
            ["template_id"] = run.TemplateId,
            ["name"] = run.Name,
            ["created_at"] = JsonResponse.Time(run.CreatedAt),
        });
        return ApiResults.Created(run.ToJson(clock.UtcNow), "/v1/runs/" + run.Id);
    }

    private static JsonObject? Prefill(IReadOnlyList<FormField> fields, JsonObject? formData)
    {
        if (formData is null || fields.Count == 0)
        {
            return null;
        }

        var value = new JsonObject();
        foreach (var field in fields)
        {
            if (formData.TryGetPropertyValue(field.Name, out var v) && v is not null)
            {
                value[field.Name] = v.DeepClone();
            }
        }

        return value.Count == 0 ? null : value;
    }

    private static async Task<IResult> UpdateTaskAsync(HttpContext context, string runId, string taskId, RunStore store, ServerClock clock, EventBus events)
    {
        var org = context.Caller().OrganizationId;
        var existing = store.RequireRead(org, runId);
        if (existing.Tasks.All(t => t.Id != taskId))
        {
            throw ApiException.NotFound("Task", taskId);
        }

        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var status = Fields.TryGet(body, "status", out var s) ? Fields.OneOf(s, "status", RunTaskStatus.Settable) : null;
        var hasValue = Fields.TryGet(body, "value", out var valueNode);
        var hasAssignee = Fields.TryGet(body, "assignee_id", out var a);
        var assigneeId = hasAssignee ? Fields.NullableString(a, "assignee_id", 100) : null;
        var hasDue = Fields.TryGet(body, "due_date", out var dd);
        var dueDate = hasDue ? Date(dd, "due_date") : null;
        var actor = context.Caller().Key.Id;

        RunTask? updatedTask = null;
        var runCompleted = false;
        var taskCompleted = false;
        var updated = store.RequireUpdate(org, runId, run =>
        {
            if (run.Status != RunStatus.InProgress)
            {
                throw new ApiException(ApiError.Conflict($"Run {run.Id} is {run.Status.ToLowerInvariant()}; its tasks can no longer change."));
            }

            var index = run.Tasks.ToList().FindIndex(x => x.Id == taskId);
            var task = run.Tasks[index];
            var now = clock.UtcNow;
            var value = task.Value;
            if (hasValue)
            {
                value = valueNode?.DeepClone();
                if (value is not null && task.Fields.Count > 0)
                {
                    FormFields.Validate(task.Fields, Fields.Object(value, "value"), "value", requireAll: false);
                }
            }

            if (status == RunTaskStatus.Skipped && task.Required)
            {
                throw Fields.Invalid("status", $"Task {task.Id} is required and cannot be skipped.");
            }

            if (status == RunTaskStatus.Completed && task.Fields.Count > 0)
            {
                FormFields.Validate(task.Fields, value as JsonObject ?? [], "value");
            }

            var next = task with
            {
                Value = value,
                AssigneeId = hasAssignee ? assigneeId : task.AssigneeId,
                DueDate = hasDue ? dueDate : task.DueDate,
            };
            if (status is not null && status != task.Status)
            {
                next = next with
                {
                    Status = status,
                    CompletedAt = status == RunTaskStatus.Completed ? now : null,
                    CompletedBy = status == RunTaskStatus.Completed ? actor : null,
                };
                taskCompleted = status == RunTaskStatus.Completed;
            }

            var tasks = run.Tasks.ToList();
            tasks[index] = next;
            updatedTask = next;
            var result = run with { Tasks = tasks, UpdatedAt = now };
            var required = tasks.Where(x => x.Required).ToList();
            var done = required.Count > 0
                ? required.All(x => x.Status == RunTaskStatus.Completed)
                : tasks.All(x => x.Status != RunTaskStatus.Pending);
            if (taskCompleted && done)
            {
                runCompleted = true;
                result = result with { Status = RunStatus.Completed, CompletedAt = now };
            }

            return result;
        });

        if (taskCompleted)
        {
            events.Publish(org, EventTypes.TaskCompleted, new JsonObject
            {
                ["run_id"] = updated.Id,
                ["task_id"] = updatedTask!.Id,
                ["value"] = updatedTask.Value?.DeepClone(),
                ["completed_at"] = JsonResponse.Time(updatedTask.CompletedAt),
                ["completed_by"] = updatedTask.CompletedBy,
            });
        }

        if (runCompleted)
        {
            events.Publish(org, EventTypes.RunCompleted, new JsonObject
            {
                ["run_id"] = updated.Id,
                ["template_id"] = updated.TemplateId,
                ["completed_at"] = JsonResponse.Time(updated.CompletedAt),
            });
        }

        return ApiResults.Ok(updatedTask!.ToJson());
    }

    private static DateTimeOffset? Date(JsonNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        var text = Fields.String(node, path);
        return Query.TryParseDate(text, out var value) ? value : throw Fields.Invalid(path, $"'{path}' must be an ISO-8601 date-time.");
    }
}
