using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A process blueprint: the tasks every run launched from it gets. A draft until published; only a published template launches runs.</summary>
public sealed class Template : BotCadenceResult
{
    /// <summary>The template's id (opaque, e.g. <c>tmpl_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name (a run's default name).</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>A longer description.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>Draft or published.</summary>
    [JsonInclude] public TemplateStatus Status { get; internal set; }

    /// <summary>The task definitions, in order.</summary>
    [JsonInclude] public IReadOnlyList<TemplateTask> Tasks { get; internal set; } = [];

    /// <summary>Hours from launch to a run's due date, or null for none.</summary>
    [JsonInclude] public int? DueInHours { get; internal set; }

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    [JsonInclude] public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>When it was published, or null for a draft.</summary>
    [JsonInclude] public DateTimeOffset? PublishedAt { get; internal set; }
}

/// <summary>One task of a template, as the service returns it (read-only; to define one, use <see cref="TemplateTaskOptions"/>).</summary>
public sealed class TemplateTask
{
    /// <summary>The task definition's id (<c>task_def_…</c>).</summary>
    [JsonInclude] public string? Id { get; internal set; }

    /// <summary>The task's name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>Instructions for whoever does it.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>Whether the run needs it completed; optional tasks may be skipped.</summary>
    [JsonInclude] public bool? Required { get; internal set; }

    /// <summary>Hours from launch to the task's due date, or null for none.</summary>
    [JsonInclude] public int? DueInHours { get; internal set; }

    /// <summary>Form fields whose values complete the task (its value is then an object keyed by field name).</summary>
    [JsonInclude] public IReadOnlyList<FormField>? Fields { get; internal set; }
}

/// <summary>The definition of one task of a template, in <see cref="TemplateCreateOptions"/> and <see cref="TemplateUpdateOptions"/>.</summary>
public sealed class TemplateTaskOptions
{
    /// <summary>The task definition's id; the service assigns <c>task_def_…</c> when omitted.</summary>
    public string? Id { get; set; }

    /// <summary>The task's name (required).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Instructions for whoever does it.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the run needs it completed (default true); optional tasks may be skipped.</summary>
    public bool? Required { get; set; }

    /// <summary>Hours from launch to the task's due date, or null for none.</summary>
    public int? DueInHours { get; set; }

    /// <summary>Form fields whose values complete the task (its value is then an object keyed by field name).</summary>
    public IList<FormFieldOptions>? Fields { get; set; }
}

/// <summary>The body of <c>Templates.CreateAsync</c>: a new draft.</summary>
public sealed class TemplateCreateOptions
{
    /// <summary>The display name (required, 1–200 characters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>A longer description.</summary>
    public string? Description { get; set; }

    /// <summary>The task definitions, in order; at least one is needed to publish.</summary>
    public IList<TemplateTaskOptions>? Tasks { get; set; }

    /// <summary>Hours from launch to a run's due date.</summary>
    public int? DueInHours { get; set; }
}

/// <summary>A partial update of a draft (PATCH): only the properties that are set are sent.</summary>
public sealed class TemplateUpdateOptions
{
    /// <summary>A new name.</summary>
    public string? Name { get; set; }

    /// <summary>A new description.</summary>
    public string? Description { get; set; }

    /// <summary>New task definitions, replacing the old list.</summary>
    public IList<TemplateTaskOptions>? Tasks { get; set; }

    /// <summary>A new run deadline in hours.</summary>
    public int? DueInHours { get; set; }
}

/// <summary>Filters for listing templates.</summary>
public sealed class TemplateListOptions
{
    /// <summary>Only templates in this state.</summary>
    public TemplateStatus? Status { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}
