using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Botcadence.Sdk;

namespace Botcadence.Mcp;

// The tools' outputs: concise projections of the SDK's models (what an assistant needs, no secrets such as webhook
// signing secrets), serialized as camelCase JSON and described by each tool's output schema.

/// <summary>A page of items and the cursor of the next page (null on the last page).</summary>
internal sealed record ListResult<T>(
    IReadOnlyList<T> Items,
    [property: Description("Total number of matching items, when the API reports it.")] long? Total,
    [property: Description("Pass as 'cursor' to get the next page; null when this is the last page.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);

internal sealed record WorkflowSummary(
    string Id, string Name, string Status, string? Channel, string? TriggerType, long ExecutionCount, double? SuccessRate, DateTimeOffset CreatedAt)
{
    public static WorkflowSummary From(Workflow w) =>
        new(w.Id, w.Name, w.Status.Value, w.Channel, w.Trigger?.Type, w.ExecutionCount, w.SuccessRate, w.CreatedAt);
}

internal sealed record WorkflowActionInfo(string? Id, string Type, JsonElement? Config);

internal sealed record WorkflowDetail(
    string Id, string Name, string? Description, string Status, string? Channel, string? TriggerType, string? TriggerEvent,
    IReadOnlyList<WorkflowActionInfo> Actions, long ExecutionCount, double? SuccessRate,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? ActivatedAt)
{
    public static WorkflowDetail From(Workflow w) => new(
        w.Id, w.Name, w.Description, w.Status.Value, w.Channel, w.Trigger?.Type, w.Trigger?.Event,
        w.Actions.Select(a => new WorkflowActionInfo(a.Id, a.Type, a.Config)).ToList(),
        w.ExecutionCount, w.SuccessRate, w.CreatedAt, w.UpdatedAt, w.ActivatedAt);
}

internal sealed record ExecutionStepInfo(string Id, string Type, string Status, long? DurationMs, JsonElement? Output, string? Error);

internal sealed record ExecutionErrorInfo(string Code, string Message, string? StepId);

internal sealed record ExecutionDetail(
    string Id, string WorkflowId,
    [property: Description("pending, running, completed, failed or cancelled.")] string Status,
    [property: Description("True when the execution finished (completed, failed or cancelled).")] bool Finished,
    [property: Description("True when execute_workflow stopped waiting before the execution finished; follow it with get_execution.")] bool WaitTimedOut,
    JsonElement? Input, JsonElement? Output, ExecutionErrorInfo? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, long? DurationMs,
    IReadOnlyList<ExecutionStepInfo> Steps)
{
    public static ExecutionDetail From(Execution e, bool waitTimedOut = false) => new(
        e.Id, e.WorkflowId, e.Status.Value, e.Status.IsTerminal, waitTimedOut, e.Input, e.Output,
        e.Error is { } error ? new ExecutionErrorInfo(error.Code, error.Message, error.StepId) : null,
        e.CreatedAt, e.StartedAt, e.CompletedAt, e.DurationMs,
        e.Steps.Select(s => new ExecutionStepInfo(s.Id, s.Type, s.Status.Value, s.DurationMs, s.Output, s.Error)).ToList());
}

internal sealed record RunTaskInfo(
    string Id, string RunId, string? Name, string Status, bool Required, JsonElement? Value, string? AssigneeId, DateTimeOffset? CompletedAt)
{
    public static RunTaskInfo From(RunTask t) =>
        new(t.Id, t.RunId, t.Name, t.Status.Value, t.Required, t.Value, t.AssigneeId, t.CompletedAt);
}

internal sealed record RunInfo(
    string Id, string Name, string Status, string TemplateId, string? AssigneeId, DateTimeOffset? DueDate,
    IReadOnlyList<RunTaskInfo> Tasks, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static RunInfo From(Run r) => new(
        r.Id, r.Name, r.Status.Value, r.TemplateId, r.AssigneeId, r.DueDate, r.Tasks.Select(RunTaskInfo.From).ToList(), r.CreatedAt, r.CompletedAt);
}

internal sealed record FormFieldInfo(string Name, string Type, string? Label, bool Required, IReadOnlyList<string>? Options);

internal sealed record FormInfo(string Id, string Name, string? Description, IReadOnlyList<FormFieldInfo> Fields, long SubmissionCount)
{
    public static FormInfo From(Form f) => new(
        f.Id, f.Name, f.Description,
        f.Fields.Select(x => new FormFieldInfo(x.Name, x.Type.Value, x.Label, x.Required, x.Options?.ToList())).ToList(),
        f.SubmissionCount);
}

internal sealed record FormSubmissionInfo(string Id, string FormId, JsonElement Data, DateTimeOffset CreatedAt)
{
    public static FormSubmissionInfo From(FormSubmission s) => new(s.Id, s.FormId, s.Data, s.CreatedAt);
}

/// <summary>A webhook without its signing secret.</summary>
internal sealed record WebhookInfo(
    string Id, string Kind, string Url, IReadOnlyList<string> Events, string? Description, string? WorkflowId, string? Event, DateTimeOffset CreatedAt)
{
    public static WebhookInfo From(Webhook w) => new(
        w.Id, w.Kind.Value, w.Url, w.Events.Select(e => e.Value).ToList(), w.Description, w.WorkflowId, w.Event, w.CreatedAt);
}

internal sealed record WebhookDeliveryInfo(
    string Id, string EventId, string Event, int Attempt, string Trigger, bool Success, int? StatusCode, long LatencyMs, string? Error,
    DateTimeOffset AttemptedAt)
{
    public static WebhookDeliveryInfo From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.Event.Value, d.Attempt, d.Trigger, d.Success, d.StatusCode, d.LatencyMs, d.Error, d.AttemptedAt);
}
