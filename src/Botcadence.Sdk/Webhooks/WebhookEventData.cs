using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The data of a <c>form.submitted</c> event.</summary>
public sealed class FormSubmittedEventData
{
    /// <summary>The form.</summary>
    [JsonInclude] public string FormId { get; internal set; } = string.Empty;

    /// <summary>The stored submission.</summary>
    [JsonInclude] public string SubmissionId { get; internal set; } = string.Empty;

    /// <summary>The submitted values by field name, exactly as submitted.</summary>
    [JsonInclude] public JsonElement Data { get; internal set; }
}

/// <summary>The data of the run events <c>run.created</c>, <c>run.completed</c> and <c>run.overdue</c>; fields not carried by an event are null.</summary>
public sealed class RunEventData
{
    /// <summary>The run.</summary>
    [JsonInclude] public string RunId { get; internal set; } = string.Empty;

    /// <summary>The template it was launched from.</summary>
    [JsonInclude] public string? TemplateId { get; internal set; }

    /// <summary>The run's name (<c>run.created</c>).</summary>
    [JsonInclude] public string? Name { get; internal set; }

    /// <summary>When it was launched (<c>run.created</c>).</summary>
    [JsonInclude] public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When it was completed (<c>run.completed</c>).</summary>
    [JsonInclude] public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>The deadline it missed (<c>run.overdue</c>).</summary>
    [JsonInclude] public DateTimeOffset? DueDate { get; internal set; }
}

/// <summary>The data of a <c>task.completed</c> event.</summary>
public sealed class TaskCompletedEventData
{
    /// <summary>The run.</summary>
    [JsonInclude] public string RunId { get; internal set; } = string.Empty;

    /// <summary>The completed task.</summary>
    [JsonInclude] public string TaskId { get; internal set; } = string.Empty;

    /// <summary>The task's value, exactly as given, or null.</summary>
    [JsonInclude] public JsonElement? Value { get; internal set; }

    /// <summary>When it was completed.</summary>
    [JsonInclude] public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>Who completed it.</summary>
    [JsonInclude] public string? CompletedBy { get; internal set; }
}

/// <summary>The data of an <c>agent.message.sent</c> event: the agent's reply.</summary>
public sealed class AgentMessageSentEventData
{
    /// <summary>The agent.</summary>
    [JsonInclude] public string AgentId { get; internal set; } = string.Empty;

    /// <summary>The message it answers.</summary>
    [JsonInclude] public string? InReplyTo { get; internal set; }

    /// <summary>The reply's text.</summary>
    [JsonInclude] public string? Content { get; internal set; }

    /// <summary>The channel it went out on.</summary>
    [JsonInclude] public string? Channel { get; internal set; }
}

/// <summary>The data of an <c>agent.status.changed</c> event.</summary>
public sealed class AgentStatusChangedEventData
{
    /// <summary>The agent.</summary>
    [JsonInclude] public string AgentId { get; internal set; } = string.Empty;

    /// <summary>The new status.</summary>
    [JsonInclude] public AgentStatus Status { get; internal set; }

    /// <summary>The status before the change.</summary>
    [JsonInclude] public AgentStatus? PreviousStatus { get; internal set; }

    /// <summary>When it changed.</summary>
    [JsonInclude] public DateTimeOffset? ChangedAt { get; internal set; }
}

/// <summary>The data of an <c>agent.skill.installed</c> event.</summary>
public sealed class AgentSkillInstalledEventData
{
    /// <summary>The agent.</summary>
    [JsonInclude] public string AgentId { get; internal set; } = string.Empty;

    /// <summary>The installed skill.</summary>
    [JsonInclude] public string Skill { get; internal set; } = string.Empty;
}

/// <summary>The data of a <c>billing.invoice.created</c> event.</summary>
public sealed class InvoiceCreatedEventData
{
    /// <summary>The invoice (<c>inv_…</c>).</summary>
    [JsonInclude] public string InvoiceId { get; internal set; } = string.Empty;

    /// <summary>The amount due, in the currency's major unit.</summary>
    [JsonInclude] public decimal Amount { get; internal set; }

    /// <summary>ISO 4217 code, lower case.</summary>
    [JsonInclude] public string? Currency { get; internal set; }

    /// <summary>When it was issued.</summary>
    [JsonInclude] public DateTimeOffset? CreatedAt { get; internal set; }
}
