using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The type of a webhook event, e.g. <c>execution.completed</c>. Extensible: values the service adds later are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<WebhookEventType>))]
public readonly struct WebhookEventType : IEquatable<WebhookEventType>, IStringValue<WebhookEventType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public WebhookEventType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The wildcard <c>*</c>: subscribe to every event type (only valid in a subscription's event list).</summary>
    public static WebhookEventType All { get; } = new("*");
    /// <summary>A workflow was executed (the data is the new execution).</summary>
    public static WebhookEventType WorkflowExecuted { get; } = new("workflow.executed");
    /// <summary>An execution completed (the data is the execution).</summary>
    public static WebhookEventType ExecutionCompleted { get; } = new("execution.completed");
    /// <summary>An execution failed (the data is the execution).</summary>
    public static WebhookEventType ExecutionFailed { get; } = new("execution.failed");
    /// <summary>A form was submitted.</summary>
    public static WebhookEventType FormSubmitted { get; } = new("form.submitted");
    /// <summary>A run was launched from a template.</summary>
    public static WebhookEventType RunCreated { get; } = new("run.created");
    /// <summary>A run completed.</summary>
    public static WebhookEventType RunCompleted { get; } = new("run.completed");
    /// <summary>A run passed its due date.</summary>
    public static WebhookEventType RunOverdue { get; } = new("run.overdue");
    /// <summary>A task of a run was completed.</summary>
    public static WebhookEventType TaskCompleted { get; } = new("task.completed");
    /// <summary>An agent finished a task.</summary>
    public static WebhookEventType AgentTaskCompleted { get; } = new("agent.task.completed");
    /// <summary>An agent received a message.</summary>
    public static WebhookEventType AgentMessageReceived { get; } = new("agent.message.received");
    /// <summary>An agent sent a message.</summary>
    public static WebhookEventType AgentMessageSent { get; } = new("agent.message.sent");
    /// <summary>An agent went online or offline.</summary>
    public static WebhookEventType AgentStatusChanged { get; } = new("agent.status.changed");
    /// <summary>A skill was installed on an agent.</summary>
    public static WebhookEventType AgentSkillInstalled { get; } = new("agent.skill.installed");
    /// <summary>A new invoice was generated.</summary>
    public static WebhookEventType BillingInvoiceCreated { get; } = new("billing.invoice.created");
    /// <summary>A user joined the organization.</summary>
    public static WebhookEventType UserCreated { get; } = new("user.created");

    /// <summary>The 15 event types the service emits (without the wildcard).</summary>
    public static IReadOnlyList<WebhookEventType> Known { get; } = [WorkflowExecuted, ExecutionCompleted, ExecutionFailed, FormSubmitted, RunCreated, RunCompleted, RunOverdue, TaskCompleted, AgentTaskCompleted, AgentMessageReceived, AgentMessageSent, AgentStatusChanged, AgentSkillInstalled, BillingInvoiceCreated, UserCreated];

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;
    /// <inheritdoc />
    public static WebhookEventType FromValue(string value) => new(value);
    /// <inheritdoc />
    public bool Equals(WebhookEventType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookEventType other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    /// <inheritdoc />
    public override string ToString() => Value;
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(WebhookEventType left, WebhookEventType right) => left.Equals(right);
    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(WebhookEventType left, WebhookEventType right) => !left.Equals(right);
    /// <summary>Converts a wire value.</summary>
    public static implicit operator WebhookEventType(string value) => new(value);
}
