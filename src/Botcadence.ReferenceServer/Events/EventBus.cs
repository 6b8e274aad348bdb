using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Events;

/// <summary>Every event type the API emits (PRODUCT.md, "Webhook events and signatures").</summary>
internal static class EventTypes
{
    public const string WorkflowExecuted = "workflow.executed";
    public const string ExecutionCompleted = "execution.completed";
    public const string ExecutionFailed = "execution.failed";
    public const string FormSubmitted = "form.submitted";
    public const string RunCreated = "run.created";
    public const string RunCompleted = "run.completed";
    public const string RunOverdue = "run.overdue";
    public const string TaskCompleted = "task.completed";
    public const string AgentTaskCompleted = "agent.task.completed";
    public const string AgentMessageReceived = "agent.message.received";
    public const string AgentMessageSent = "agent.message.sent";
    public const string AgentStatusChanged = "agent.status.changed";
    public const string AgentSkillInstalled = "agent.skill.installed";
    public const string BillingInvoiceCreated = "billing.invoice.created";
    public const string UserCreated = "user.created";

    public static IReadOnlyList<string> All { get; } =
    [
        WorkflowExecuted, ExecutionCompleted, ExecutionFailed, FormSubmitted, RunCreated, RunCompleted, RunOverdue,
        TaskCompleted, AgentTaskCompleted, AgentMessageReceived, AgentMessageSent, AgentStatusChanged,
        AgentSkillInstalled, BillingInvoiceCreated, UserCreated,
    ];
}

/// <summary>Something that happened in an organization: the payload of a webhook delivery.</summary>
internal sealed record ServerEvent(string Id, string OrganizationId, string Type, DateTimeOffset Timestamp, JsonObject Data)
{
    /// <summary>The wire payload: <c>{"id": "evt_…", "event": "…", "timestamp": "…", "data": {…}}</c>.</summary>
    public JsonObject ToPayload() => new()
    {
        ["id"] = Id,
        ["event"] = Type,
        ["timestamp"] = JsonResponse.Time(Timestamp),
        ["data"] = Data.DeepClone(),
    };
}

/// <summary>
/// Resources publish what happens here; subscribers (webhook delivery) are told of each event. Publishing never
/// blocks the request that caused it and never fails it: a subscriber's failure is its own business.
/// </summary>
internal sealed class EventBus(ServerClock clock, ILogger<EventBus> logger)
{
    private readonly ConcurrentQueue<Func<ServerEvent, Task>> _subscribers = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ServerEvent>> _log = new(StringComparer.Ordinal);

    public ServerEvent Publish(string organizationId, string type, JsonObject data)
    {
        var evt = new ServerEvent(Ids.New("evt"), organizationId, type, clock.UtcNow, data);
        _log.GetOrAdd(organizationId, _ => new ConcurrentQueue<ServerEvent>()).Enqueue(evt);
        foreach (var subscriber in _subscribers)
        {
            _ = NotifyAsync(subscriber, evt);
        }

        return evt;
    }

    public void Subscribe(Func<ServerEvent, Task> subscriber) => _subscribers.Enqueue(subscriber);

    /// <summary>The events of an organization, oldest first.</summary>
    public IReadOnlyList<ServerEvent> History(string organizationId) =>
        _log.TryGetValue(organizationId, out var events) ? [.. events] : [];

    private async Task NotifyAsync(Func<ServerEvent, Task> subscriber, ServerEvent evt)
    {
        try
        {
            await Task.Yield();
            await subscriber(evt).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.EventSubscriberFailed(logger, evt.Id, evt.Type, ex);
        }
    }
}
