using System.Text.Json;

namespace Botcadence.Sdk;

// Typed factories for the templates output models (one per model; a test checks that every output model has one).
public static partial class BotCadenceModelFactory
{
    /// <summary>Builds a <see cref="Sdk.Template"/> (a process blueprint: the tasks every run launched from it gets. A draft until published; only a published template launches runs) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The template's id (opaque, e.g. <c>tmpl_…</c>).</param>
    /// <param name="name">The display name (a run's default name).</param>
    /// <param name="description">A longer description.</param>
    /// <param name="status">Draft or published.</param>
    /// <param name="tasks">The task definitions, in order.</param>
    /// <param name="dueInHours">Hours from launch to a run's due date, or null for none.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it last changed.</param>
    /// <param name="publishedAt">When it was published, or null for a draft.</param>
    /// <returns>The model.</returns>
    public static Template Template(
        string? id = null,
        string? name = null,
        string? description = null,
        TemplateStatus? status = null,
        IEnumerable<TemplateTask>? tasks = null,
        int? dueInHours = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null,
        DateTimeOffset? publishedAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Description = description,
            Status = status ?? default,
            Tasks = tasks?.ToList() ?? [],
            DueInHours = dueInHours,
            CreatedAt = createdAt ?? default,
            UpdatedAt = updatedAt,
            PublishedAt = publishedAt,
        };

    /// <summary>Builds a <see cref="Sdk.Run"/> (a run: an instance of a published template, with the tasks it generated) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The run's id (opaque, e.g. <c>run_…</c>).</param>
    /// <param name="name">The display name (defaults to the template's name).</param>
    /// <param name="status">The state; <see cref="RunStatus.Overdue"/> when still open after <c>DueDate</c>.</param>
    /// <param name="templateId">The template it was launched from.</param>
    /// <param name="assigneeId">The user who owns the run.</param>
    /// <param name="dueDate">The run's deadline.</param>
    /// <param name="formData">The form data given at launch.</param>
    /// <param name="tasks">The tasks (only on a single run; empty in lists).</param>
    /// <param name="createdAt">When it was launched.</param>
    /// <param name="updatedAt">When it last changed.</param>
    /// <param name="completedAt">When its last required task was completed.</param>
    /// <returns>The model.</returns>
    public static Run Run(
        string? id = null,
        string? name = null,
        RunStatus? status = null,
        string? templateId = null,
        string? assigneeId = null,
        DateTimeOffset? dueDate = null,
        JsonElement? formData = null,
        IEnumerable<RunTask>? tasks = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null,
        DateTimeOffset? completedAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Status = status ?? default,
            TemplateId = templateId ?? string.Empty,
            AssigneeId = assigneeId,
            DueDate = dueDate,
            FormData = formData,
            Tasks = tasks?.ToList() ?? [],
            CreatedAt = createdAt ?? default,
            UpdatedAt = updatedAt,
            CompletedAt = completedAt,
        };

    /// <summary>Builds a <see cref="Sdk.RunTask"/> (one task of a run) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The task's id (opaque, e.g. <c>task_…</c>).</param>
    /// <param name="runId">The run it belongs to.</param>
    /// <param name="templateTaskId">The template task it was generated from.</param>
    /// <param name="name">The task's name.</param>
    /// <param name="description">Instructions.</param>
    /// <param name="required">Whether the run needs it completed; only optional tasks can be skipped.</param>
    /// <param name="status">Pending, completed or skipped.</param>
    /// <param name="value">The value given (for a task with form fields, an object keyed by field name).</param>
    /// <param name="fields">The task's form fields.</param>
    /// <param name="assigneeId">Who it is assigned to.</param>
    /// <param name="dueDate">The task's deadline.</param>
    /// <param name="completedAt">When it was completed.</param>
    /// <param name="completedBy">Who completed it (the id of the API key or user).</param>
    /// <returns>The model.</returns>
    public static RunTask RunTask(
        string? id = null,
        string? runId = null,
        string? templateTaskId = null,
        string? name = null,
        string? description = null,
        bool? required = null,
        RunTaskStatus? status = null,
        JsonElement? value = null,
        IEnumerable<FormField>? fields = null,
        string? assigneeId = null,
        DateTimeOffset? dueDate = null,
        DateTimeOffset? completedAt = null,
        string? completedBy = null) =>
        new()
        {
            Id = id ?? string.Empty,
            RunId = runId ?? string.Empty,
            TemplateTaskId = templateTaskId,
            Name = name,
            Description = description,
            Required = required ?? default,
            Status = status ?? default,
            Value = value,
            Fields = fields?.ToList() ?? [],
            AssigneeId = assigneeId,
            DueDate = dueDate,
            CompletedAt = completedAt,
            CompletedBy = completedBy,
        };

    /// <summary>Builds a <see cref="Sdk.Form"/> (a form: named, typed fields whose submissions the service validates and stores) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The form's id (opaque, e.g. <c>form_…</c>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">A longer description.</param>
    /// <param name="fields">The fields, in order.</param>
    /// <param name="submissionCount">How many submissions it has received.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it last changed.</param>
    /// <returns>The model.</returns>
    public static Form Form(
        string? id = null,
        string? name = null,
        string? description = null,
        IEnumerable<FormField>? fields = null,
        long? submissionCount = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Description = description,
            Fields = fields?.ToList() ?? [],
            SubmissionCount = submissionCount ?? default,
            CreatedAt = createdAt ?? default,
            UpdatedAt = updatedAt,
        };

    /// <summary>Builds a <see cref="Sdk.FormSubmission"/> (a stored, validated submission of a form) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The submission's id (opaque, e.g. <c>sub_…</c>).</param>
    /// <param name="formId">The form it belongs to.</param>
    /// <param name="data">The submitted values by field name.</param>
    /// <param name="createdAt">When it was submitted.</param>
    /// <returns>The model.</returns>
    public static FormSubmission FormSubmission(
        string? id = null,
        string? formId = null,
        JsonElement? data = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            FormId = formId ?? string.Empty,
            Data = data ?? EmptyObject(),
            CreatedAt = createdAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.FileMetadata"/> (what the service knows about an uploaded file) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The file's id (opaque, e.g. <c>file_…</c>).</param>
    /// <param name="fileName">The file name given at upload.</param>
    /// <param name="contentType">The media type given at upload (default <c>application/octet-stream</c>).</param>
    /// <param name="size">The size in bytes.</param>
    /// <param name="sha256">The lower-case hex SHA-256 of the content, computed by the service.</param>
    /// <param name="runId">The run the file is attached to.</param>
    /// <param name="taskId">The task of that run it is attached to.</param>
    /// <param name="createdAt">When it was uploaded.</param>
    /// <returns>The model.</returns>
    public static FileMetadata FileMetadata(
        string? id = null,
        string? fileName = null,
        string? contentType = null,
        long? size = null,
        string? sha256 = null,
        string? runId = null,
        string? taskId = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            FileName = fileName ?? string.Empty,
            ContentType = contentType ?? string.Empty,
            Size = size ?? default,
            Sha256 = sha256 ?? string.Empty,
            RunId = runId,
            TaskId = taskId,
            CreatedAt = createdAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.TemplateTask"/> (one task of a template, as returned) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The task definition's id.</param>
    /// <param name="name">The task's name.</param>
    /// <param name="description">Instructions.</param>
    /// <param name="required">Whether the run needs it completed.</param>
    /// <param name="dueInHours">Hours from launch to the task's due date.</param>
    /// <param name="fields">Form fields whose values complete the task.</param>
    /// <returns>The model.</returns>
    public static TemplateTask TemplateTask(
        string? id = null,
        string? name = null,
        string? description = null,
        bool? required = null,
        int? dueInHours = null,
        IEnumerable<FormField>? fields = null) =>
        new()
        {
            Id = id,
            Name = name ?? string.Empty,
            Description = description,
            Required = required,
            DueInHours = dueInHours,
            Fields = fields?.ToList(),
        };

    /// <summary>Builds a <see cref="Sdk.FormField"/> (one field of a form or template task, as returned) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="type">The type (default text).</param>
    /// <param name="label">A human-readable label.</param>
    /// <param name="required">Whether a value must be given.</param>
    /// <param name="options">The allowed values of a select field.</param>
    /// <returns>The model.</returns>
    public static FormField FormField(
        string? name = null,
        FormFieldType? type = null,
        string? label = null,
        bool? required = null,
        IEnumerable<string>? options = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Type = type ?? FormFieldType.Text,
            Label = label,
            Required = required ?? false,
            Options = options?.ToList(),
        };

    /// <summary>An empty JSON object, the default of free-form values.</summary>
    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
