using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>A verified webhook event: <c>{"id": "evt_…", "event": "…", "timestamp": "…", "data": {…}}</c>.</summary>
public sealed class WebhookEvent
{
    /// <summary>Creates an event (for example to unit-test your handler without signing).</summary>
    /// <param name="id">The event id (<c>evt_…</c>), the same on every redelivery.</param>
    /// <param name="type">The event type.</param>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="data">The event's data object.</param>
    /// <param name="rawJson">The whole payload as received.</param>
    public WebhookEvent(string id, WebhookEventType type, DateTimeOffset timestamp, JsonElement data, string rawJson)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(rawJson);
        Id = id;
        Type = type;
        Timestamp = timestamp;
        Data = data;
        RawJson = rawJson;
    }

    /// <summary>The event id (<c>evt_…</c>): the same on every redelivery, so drop duplicates by it.</summary>
    public string Id { get; }

    /// <summary>The event type, e.g. <see cref="WebhookEventType.ExecutionCompleted"/>.</summary>
    public WebhookEventType Type { get; }

    /// <summary>When the event happened (not when it was delivered).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The event's <c>data</c> object.</summary>
    public JsonElement Data { get; }

    /// <summary>The whole payload exactly as received.</summary>
    public string RawJson { get; }

    /// <summary>True for the events whose data is an execution: <c>workflow.executed</c>, <c>execution.completed</c>, <c>execution.failed</c>.</summary>
    public bool IsExecutionEvent =>
        Type == WebhookEventType.WorkflowExecuted || Type == WebhookEventType.ExecutionCompleted || Type == WebhookEventType.ExecutionFailed;

    /// <summary>The execution an execution event is about.</summary>
    /// <returns>The execution, as <see cref="IExecutionsClient.GetAsync"/> would return it at the time of the event.</returns>
    /// <exception cref="InvalidOperationException">The event is not an execution event (see <see cref="IsExecutionEvent"/>).</exception>
    public Execution GetExecution() => IsExecutionEvent
        ? As(BotCadenceJsonContext.Default.Execution)
        : throw new InvalidOperationException($"A '{Type}' event does not carry an execution.");

    /// <summary>The data of a <c>form.submitted</c> event.</summary>
    /// <returns>The form, submission and submitted values.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public FormSubmittedEventData GetFormSubmitted() => Typed(BotCadenceJsonContext.Default.FormSubmittedEventData, WebhookEventType.FormSubmitted);

    /// <summary>The data of a run event: <c>run.created</c>, <c>run.completed</c> or <c>run.overdue</c>.</summary>
    /// <returns>The run's id and what the event carries.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public RunEventData GetRunEvent() =>
        Typed(BotCadenceJsonContext.Default.RunEventData, WebhookEventType.RunCreated, WebhookEventType.RunCompleted, WebhookEventType.RunOverdue);

    /// <summary>The data of a <c>task.completed</c> event.</summary>
    /// <returns>The run, task, value and who completed it.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public TaskCompletedEventData GetTaskCompleted() => Typed(BotCadenceJsonContext.Default.TaskCompletedEventData, WebhookEventType.TaskCompleted);

    /// <summary>The agent task of an <c>agent.task.completed</c> event.</summary>
    /// <returns>The task, as <see cref="IAgentsClient.ListTasksAsync"/> would return it.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public AgentTask GetAgentTask() => Typed(BotCadenceJsonContext.Default.AgentTask, WebhookEventType.AgentTaskCompleted);

    /// <summary>The message of an <c>agent.message.received</c> event.</summary>
    /// <returns>The message, as <see cref="IAgentsClient.SendMessageAsync"/> returned it.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public AgentMessage GetAgentMessageReceived() => Typed(BotCadenceJsonContext.Default.AgentMessage, WebhookEventType.AgentMessageReceived);

    /// <summary>The reply of an <c>agent.message.sent</c> event.</summary>
    /// <returns>The agent, the message answered and the reply.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public AgentMessageSentEventData GetAgentMessageSent() => Typed(BotCadenceJsonContext.Default.AgentMessageSentEventData, WebhookEventType.AgentMessageSent);

    /// <summary>The data of an <c>agent.status.changed</c> event.</summary>
    /// <returns>The agent and its new and previous status.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public AgentStatusChangedEventData GetAgentStatusChanged() => Typed(BotCadenceJsonContext.Default.AgentStatusChangedEventData, WebhookEventType.AgentStatusChanged);

    /// <summary>The data of an <c>agent.skill.installed</c> event.</summary>
    /// <returns>The agent and the skill.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public AgentSkillInstalledEventData GetAgentSkillInstalled() => Typed(BotCadenceJsonContext.Default.AgentSkillInstalledEventData, WebhookEventType.AgentSkillInstalled);

    /// <summary>The data of a <c>billing.invoice.created</c> event.</summary>
    /// <returns>The invoice.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public InvoiceCreatedEventData GetInvoiceCreated() => Typed(BotCadenceJsonContext.Default.InvoiceCreatedEventData, WebhookEventType.BillingInvoiceCreated);

    /// <summary>The member of a <c>user.created</c> event.</summary>
    /// <returns>The user, as <see cref="IUsersClient.ListAsync"/> would return it.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    /// <exception cref="WebhookVerificationException">The data does not fit (<see cref="WebhookVerificationFailureReason.MalformedPayload"/>).</exception>
    public User GetUser() => Typed(BotCadenceJsonContext.Default.User, WebhookEventType.UserCreated);

    private T Typed<T>(JsonTypeInfo<T> typeInfo, params WebhookEventType[] types) =>
        Array.IndexOf(types, Type) >= 0
            ? As(typeInfo)
            : throw new InvalidOperationException($"A '{Type}' event does not carry {typeof(T).Name} data (expected {string.Join(" or ", types)}).");

    /// <summary>Deserializes <see cref="Data"/> with your source-generated metadata (trim and AOT safe).</summary>
    /// <typeparam name="T">The type to read the data as.</typeparam>
    /// <param name="typeInfo">Metadata from your <c>JsonSerializerContext</c>.</param>
    /// <returns>The data.</returns>
    /// <exception cref="WebhookVerificationException">
    /// The data does not fit <typeparamref name="T"/> (<see cref="WebhookVerificationException.Reason"/> is
    /// <see cref="WebhookVerificationFailureReason.MalformedPayload"/>; the parser's error is the inner exception). No
    /// <see cref="JsonException"/> escapes.
    /// </exception>
    public T As<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return Data.Deserialize(typeInfo)
                ?? throw new WebhookVerificationException(WebhookVerificationFailureReason.MalformedPayload, $"The data of '{Type}' event {Id} is null, not a {typeof(T).Name}.");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            throw new WebhookVerificationException(
                WebhookVerificationFailureReason.MalformedPayload, $"The data of '{Type}' event {Id} does not fit {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Id}";
}
