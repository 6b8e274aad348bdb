using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A form: named, typed fields whose submissions the service validates and stores.</summary>
public sealed class Form : BotCadenceResult
{
    /// <summary>The form's id (opaque, e.g. <c>form_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>A longer description.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>The fields, in order.</summary>
    [JsonInclude] public IReadOnlyList<FormField> Fields { get; internal set; } = [];

    /// <summary>How many submissions it has received.</summary>
    [JsonInclude] public long SubmissionCount { get; internal set; }

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    [JsonInclude] public DateTimeOffset? UpdatedAt { get; internal set; }
}

/// <summary>One field of a form or of a template task, as the service returns it (read-only; to define one, use <see cref="FormFieldOptions"/>).</summary>
public sealed class FormField
{
    /// <summary>The field's name: the key of its value in submitted data.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The type, e.g. <see cref="FormFieldType.Email"/>.</summary>
    [JsonInclude] public FormFieldType Type { get; internal set; } = FormFieldType.Text;

    /// <summary>A human-readable label.</summary>
    [JsonInclude] public string? Label { get; internal set; }

    /// <summary>Whether a value must be given.</summary>
    [JsonInclude] public bool Required { get; internal set; }

    /// <summary>The allowed values of a <see cref="FormFieldType.Select"/> field.</summary>
    [JsonInclude] public IReadOnlyList<string>? Options { get; internal set; }
}

/// <summary>The definition of one field of a form (<see cref="FormCreateOptions"/>) or of a template task (<see cref="TemplateTaskOptions"/>).</summary>
public sealed class FormFieldOptions
{
    /// <summary>The field's name: the key of its value in submitted data (a letter, then letters, digits, <c>_</c> or <c>-</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The type, e.g. <see cref="FormFieldType.Email"/>.</summary>
    public FormFieldType Type { get; set; } = FormFieldType.Text;

    /// <summary>A human-readable label.</summary>
    public string? Label { get; set; }

    /// <summary>Whether a value must be given (default false).</summary>
    public bool Required { get; set; }

    /// <summary>The allowed values of a <see cref="FormFieldType.Select"/> field.</summary>
    public IList<string>? Options { get; set; }
}

/// <summary>A stored, validated submission of a form.</summary>
public sealed class FormSubmission : BotCadenceResult
{
    /// <summary>The submission's id (opaque, e.g. <c>sub_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The form it belongs to.</summary>
    [JsonInclude] public string FormId { get; internal set; } = string.Empty;

    /// <summary>The submitted values by field name: a JSON object, names exactly as submitted.</summary>
    [JsonInclude] public JsonElement Data { get; internal set; }

    /// <summary>When it was submitted.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }
}

/// <summary>The body of <c>Forms.CreateAsync</c>.</summary>
public sealed class FormCreateOptions
{
    /// <summary>The display name (required, 1–200 characters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>A longer description.</summary>
    public string? Description { get; set; }

    /// <summary>The fields (required; may be empty).</summary>
    public IList<FormFieldOptions> Fields { get; set; } = [];
}

/// <summary>Filters for listing forms.</summary>
public sealed class FormListOptions
{
    /// <summary>Case-insensitive text searched in the name.</summary>
    public string? Search { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>Options for listing a form's submissions.</summary>
public sealed class FormSubmissionListOptions
{
    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>The body of a submission.</summary>
internal sealed class FormSubmitRequest
{
    [JsonPropertyName("data")]
    public JsonElement Data { get; set; }
}
