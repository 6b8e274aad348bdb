using System.Text.Json;

namespace Botcadence.Sdk;

// Typed factories for the webhook event data types (a test checks that every output model has one).
public static partial class BotCadenceModelFactory
{
    /// <summary>Builds a <see cref="Sdk.FormSubmittedEventData"/> (the data of a <c>form.submitted</c> event) for a mocked handler or client; unset values keep their defaults.</summary>
    /// <param name="formId">The form.</param>
    /// <param name="submissionId">The stored submission.</param>
    /// <param name="data">The submitted values by field name, exactly as submitted.</param>
    /// <returns>The model.</returns>
    public static FormSubmittedEventData FormSubmittedEventData(
        string? formId = null,
        string? submissionId = null,
        JsonElement? data = null) =>
        new()
        {
            FormId = formId ?? string.Empty,
            SubmissionId = submissionId ?? string.Empty,
            Data = data ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.RunEventData"/> (the data of the run events <c>run.created</c>, <c>run.completed</c> and <c>run.overdue</c>; fields not carried by an event are null) for a mocked handler or client; unset values keep their defaults.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="templateId">The template it was launched from.</param>
    /// <param name="name">The run's name (<c>run.created</c>).</param>
    /// <param name="createdAt">When it was launched (<c>run.created</c>).</param>
    /// <param name="completedAt">When it was completed (<c>run.completed</c>).</param>
    /// <param name="dueDate">The deadline it missed (<c>run.overdue</c>).</param>
    /// <returns>The model.</returns>
    public static RunEventData RunEventData(
        string? runId = null,
        string? templateId = null,
        string? name = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null,
        DateTimeOffset? dueDate = null) =>
        new()
        {
            RunId = runId ?? string.Empty,
            TemplateId = templateId,
            Name = name,
            CreatedAt = createdAt,
            CompletedAt = completedAt,
            DueDate = dueDate,
        };

    /// <summary>Builds a <see cref="Sdk.TaskCompletedEventData"/> (the data of a <c>task.completed</c> event) for a mocked handler or client; unset values keep their defaults.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="taskId">The completed task.</param>
    /// <param name="value">The task's value, exactly as given, or null.</param>
    /// <param name="completedAt">When it was completed.</param>
    /// <param name="completedBy">Who completed it.</param>
    /// <returns>The model.</returns>
    public static TaskCompletedEventData TaskCompletedEventData(
        string? runId = null,
        string? taskId = null,
        JsonElement? value = null,
        DateTimeOffset? completedAt = null,
        string? completedBy = null) =>
        new()
        {
            RunId = runId ?? string.Empty,
            TaskId = taskId ?? string.Empty,
            Value = value,
            CompletedAt = completedAt,
            CompletedBy = completedBy,
        };

    /// <summary>Builds a <see cref="Sdk.AgentMessageSentEventData"/> (the data of an <c>agent.message.sent</c> event: the agent's reply) for a mocked handler or client; unset values keep their defaults.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="inReplyTo">The message it answers.</param>
    /// <param name="content">The reply's text.</param>
    /// <param name="channel">The channel it went out on.</param>
    /// <returns>The model.</returns>
    public static AgentMessageSentEventData AgentMessageSentEventData(
        string? agentId = null,
        string? inReplyTo = null,
        string? content = null,
        string? channel = null) =>
        new()
        {
            AgentId = agentId ?? string.Empty,
            InReplyTo = inReplyTo,
            Content = content,
            Channel = channel,
        };

    /// <summary>Builds a <see cref="Sdk.AgentStatusChangedEventData"/> (the data of an <c>agent.status.changed</c> event) for a mocked handler or client; unset values keep their defaults.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="status">The new status.</param>
    /// <param name="previousStatus">The status before the change.</param>
    /// <param name="changedAt">When it changed.</param>
    /// <returns>The model.</returns>
    public static AgentStatusChangedEventData AgentStatusChangedEventData(
        string? agentId = null,
        AgentStatus? status = null,
        AgentStatus? previousStatus = null,
        DateTimeOffset? changedAt = null) =>
        new()
        {
            AgentId = agentId ?? string.Empty,
            Status = status ?? default,
            PreviousStatus = previousStatus,
            ChangedAt = changedAt,
        };

    /// <summary>Builds a <see cref="Sdk.AgentSkillInstalledEventData"/> (the data of an <c>agent.skill.installed</c> event) for a mocked handler or client; unset values keep their defaults.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="skill">The installed skill.</param>
    /// <returns>The model.</returns>
    public static AgentSkillInstalledEventData AgentSkillInstalledEventData(
        string? agentId = null,
        string? skill = null) =>
        new()
        {
            AgentId = agentId ?? string.Empty,
            Skill = skill ?? string.Empty,
        };

    /// <summary>Builds a <see cref="Sdk.InvoiceCreatedEventData"/> (the data of a <c>billing.invoice.created</c> event) for a mocked handler or client; unset values keep their defaults.</summary>
    /// <param name="invoiceId">The invoice (<c>inv_…</c>).</param>
    /// <param name="amount">The amount due, in the currency's major unit.</param>
    /// <param name="currency">ISO 4217 code, lower case.</param>
    /// <param name="createdAt">When it was issued.</param>
    /// <returns>The model.</returns>
    public static InvoiceCreatedEventData InvoiceCreatedEventData(
        string? invoiceId = null,
        decimal? amount = null,
        string? currency = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            InvoiceId = invoiceId ?? string.Empty,
            Amount = amount ?? default,
            Currency = currency,
            CreatedAt = createdAt,
        };
}
