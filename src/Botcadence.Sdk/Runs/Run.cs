using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A run: an instance of a published template, with the tasks it generated.</summary>
public sealed class Run : BotCadenceResult
{
    /// <summary>The run's id (opaque, e.g. <c>run_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name (defaults to the template's name).</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The state; <see cref="RunStatus.Overdue"/> when still open after <see cref="DueDate"/>.</summary>
    [JsonInclude] public RunStatus Status { get; internal set; }

    /// <summary>The template it was launched from.</summary>
    [JsonInclude] public string TemplateId { get; internal set; } = string.Empty;

    /// <summary>The user who owns the run.</summary>
    [JsonInclude] public string? AssigneeId { get; internal set; }

    /// <summary>The run's deadline.</summary>
    [JsonInclude] public DateTimeOffset? DueDate { get; internal set; }

    /// <summary>The form data given at launch.</summary>
    [JsonInclude] public JsonElement? FormData { get; internal set; }

    /// <summary>The tasks (only on a single run; empty in lists).</summary>
    [JsonInclude] public IReadOnlyList<RunTask> Tasks { get; internal set; } = [];

    /// <summary>When it was launched.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    [JsonInclude] public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>When its last required task was completed.</summary>
    [JsonInclude] public DateTimeOffset? CompletedAt { get; internal set; }
}

/// <summary>One task of a run.</summary>
public sealed class RunTask : BotCadenceResult
{
    /// <summary>The task's id (opaque, e.g. <c>task_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The run it belongs to.</summary>
    [JsonInclude] public string RunId { get; internal set; } = string.Empty;

    /// <summary>The template task it was generated from.</summary>
    [JsonInclude] public string? TemplateTaskId { get; internal set; }

    /// <summary>The task's name.</summary>
    [JsonInclude] public string? Name { get; internal set; }

    /// <summary>Instructions.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>Whether the run needs it completed; only optional tasks can be skipped.</summary>
    [JsonInclude] public bool Required { get; internal set; }

    /// <summary>Pending, completed or skipped.</summary>
    [JsonInclude] public RunTaskStatus Status { get; internal set; }

    /// <summary>The value given (for a task with form fields, an object keyed by field name).</summary>
    [JsonInclude] public JsonElement? Value { get; internal set; }

    /// <summary>The task's form fields.</summary>
    [JsonInclude] public IReadOnlyList<FormField> Fields { get; internal set; } = [];

    /// <summary>Who it is assigned to.</summary>
    [JsonInclude] public string? AssigneeId { get; internal set; }

    /// <summary>The task's deadline.</summary>
    [JsonInclude] public DateTimeOffset? DueDate { get; internal set; }

    /// <summary>When it was completed.</summary>
    [JsonInclude] public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>Who completed it (the id of the API key or user).</summary>
    [JsonInclude] public string? CompletedBy { get; internal set; }
}

/// <summary>The body of <c>Runs.LaunchAsync</c>.</summary>
public sealed class RunLaunchOptions
{
    /// <summary>The published template to launch (required).</summary>
    public string TemplateId { get; set; } = string.Empty;

    /// <summary>A display name; defaults to the template's name.</summary>
    public string? Name { get; set; }

    /// <summary>The user who owns the run (and, initially, its tasks).</summary>
    public string? AssigneeId { get; set; }

    /// <summary>The run's deadline; defaults to launch time plus the template's <c>due_in_hours</c>.</summary>
    public DateTimeOffset? DueDate { get; set; }

    /// <summary>Values of the template tasks' form fields to pre-populate, by field name: a JSON object sent exactly as given.</summary>
    public JsonElement? FormData { get; set; }
}

/// <summary>Filters for listing runs.</summary>
public sealed class RunListOptions
{
    /// <summary>Only runs in this state (<see cref="RunStatus.Overdue"/> selects open runs past their due date).</summary>
    public RunStatus? Status { get; set; }

    /// <summary>Only runs launched from this template.</summary>
    public string? TemplateId { get; set; }

    /// <summary>Only runs owned by this user.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>A change to one task of a run: only the properties that are set are sent.</summary>
public sealed class RunTaskUpdateOptions
{
    /// <summary><see cref="RunTaskStatus.Completed"/> or <see cref="RunTaskStatus.Skipped"/>.</summary>
    public RunTaskStatus? Status { get; set; }

    /// <summary>The task's value; for a task with form fields, an object keyed by field name, validated against their types.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Reassigns the task.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>A new deadline for the task.</summary>
    public DateTimeOffset? DueDate { get; set; }
}
