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
