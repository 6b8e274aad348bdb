using System.Text.Json;

namespace Botcadence.Sdk;

// Typed factories for the workflows output models (one per model; a test checks that every output model has one).
public static partial class BotCadenceModelFactory
{
    /// <summary>Builds a <see cref="Sdk.Workflow"/> (an automation workflow: a trigger and an ordered list of actions) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The workflow's id (opaque, e.g. <c>wf_…</c>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">A longer description.</param>
    /// <param name="status">The lifecycle state.</param>
    /// <param name="channel">The communication channel it serves (e.g. <c>email</c>, <c>whatsapp</c>).</param>
    /// <param name="trigger">What starts it.</param>
    /// <param name="actions">The actions, run in order.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it last changed.</param>
    /// <param name="activatedAt">When it was last activated.</param>
    /// <param name="deactivatedAt">When it was last deactivated.</param>
    /// <param name="executionCount">How many times it has been executed.</param>
    /// <param name="successRate">Completed ÷ finished executions, or null before any finished.</param>
    /// <returns>The model.</returns>
    public static Workflow Workflow(
        string? id = null,
        string? name = null,
        string? description = null,
        WorkflowStatus? status = null,
        string? channel = null,
        WorkflowTrigger? trigger = null,
        IEnumerable<WorkflowAction>? actions = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null,
        DateTimeOffset? activatedAt = null,
        DateTimeOffset? deactivatedAt = null,
        long? executionCount = null,
        double? successRate = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Description = description,
            Status = status ?? default,
            Channel = channel,
            Trigger = trigger,
            Actions = actions?.ToList() ?? [],
            CreatedAt = createdAt ?? default,
            UpdatedAt = updatedAt,
            ActivatedAt = activatedAt,
            DeactivatedAt = deactivatedAt,
            ExecutionCount = executionCount ?? default,
            SuccessRate = successRate,
        };

    /// <summary>Builds a <see cref="Sdk.WorkflowMetrics"/> (execution metrics of a workflow over a period, in total and per bucket) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="workflowId">The workflow.</param>
    /// <param name="granularity">The bucket size.</param>
    /// <param name="period">The period covered.</param>
    /// <param name="metrics">Totals over the whole period.</param>
    /// <param name="timeseries">One entry per bucket, empty buckets included.</param>
    /// <returns>The model.</returns>
    public static WorkflowMetrics WorkflowMetrics(
        string? workflowId = null,
        MetricsGranularity? granularity = null,
        MetricsPeriod? period = null,
        MetricsSummary? metrics = null,
        IEnumerable<MetricsBucket>? timeseries = null) =>
        new()
        {
            WorkflowId = workflowId ?? string.Empty,
            Granularity = granularity ?? default,
            Period = period ?? new MetricsPeriod(),
            Metrics = metrics ?? new MetricsSummary(),
            Timeseries = timeseries?.ToList() ?? [],
        };

    /// <summary>Builds a <see cref="Sdk.MetricsPeriod"/> (a metrics period) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="startDate">Start, inclusive.</param>
    /// <param name="endDate">End of the period.</param>
    /// <returns>The model.</returns>
    public static MetricsPeriod MetricsPeriod(
        DateTimeOffset? startDate = null,
        DateTimeOffset? endDate = null) =>
        new()
        {
            StartDate = startDate ?? default,
            EndDate = endDate ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.MetricsSummary"/> (totals over a metrics period) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="totalExecutions">Executions started in the period.</param>
    /// <param name="successfulExecutions">Of those, completed.</param>
    /// <param name="failedExecutions">Of those, failed.</param>
    /// <param name="runningExecutions">Of those, still running.</param>
    /// <param name="successRate">Completed ÷ finished, or null when none finished.</param>
    /// <param name="averageDurationMs">Mean duration of finished executions, in milliseconds.</param>
    /// <returns>The model.</returns>
    public static MetricsSummary MetricsSummary(
        long? totalExecutions = null,
        long? successfulExecutions = null,
        long? failedExecutions = null,
        long? runningExecutions = null,
        double? successRate = null,
        double? averageDurationMs = null) =>
        new()
        {
            TotalExecutions = totalExecutions ?? default,
            SuccessfulExecutions = successfulExecutions ?? default,
            FailedExecutions = failedExecutions ?? default,
            RunningExecutions = runningExecutions ?? default,
            SuccessRate = successRate,
            AverageDurationMs = averageDurationMs,
        };

    /// <summary>Builds a <see cref="Sdk.MetricsBucket"/> (metrics for one bucket) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="start">Start of the bucket.</param>
    /// <param name="executions">Executions started in the bucket.</param>
    /// <param name="successfulExecutions">Of those, completed.</param>
    /// <param name="failedExecutions">Of those, failed.</param>
    /// <param name="successRate">Completed ÷ finished, or null when none finished.</param>
    /// <param name="averageDurationMs">Mean duration of finished executions, in milliseconds.</param>
    /// <returns>The model.</returns>
    public static MetricsBucket MetricsBucket(
        DateTimeOffset? start = null,
        long? executions = null,
        long? successfulExecutions = null,
        long? failedExecutions = null,
        double? successRate = null,
        double? averageDurationMs = null) =>
        new()
        {
            Start = start ?? default,
            Executions = executions ?? default,
            SuccessfulExecutions = successfulExecutions ?? default,
            FailedExecutions = failedExecutions ?? default,
            SuccessRate = successRate,
            AverageDurationMs = averageDurationMs,
        };

    /// <summary>Builds a <see cref="Sdk.WorkflowTrigger"/> (what starts a workflow, as returned) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="type">The trigger type.</param>
    /// <param name="event">The event that fires it.</param>
    /// <param name="keywords">Keywords for message triggers.</param>
    /// <param name="config">Free-form configuration (a JSON object).</param>
    /// <returns>The model.</returns>
    public static WorkflowTrigger WorkflowTrigger(
        string? type = null,
        string? @event = null,
        IEnumerable<string>? keywords = null,
        JsonElement? config = null) =>
        new()
        {
            Type = type ?? string.Empty,
            Event = @event,
            Keywords = keywords?.ToList(),
            Config = config,
        };

    /// <summary>Builds a <see cref="Sdk.WorkflowAction"/> (one action of a workflow, as returned) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The action's id.</param>
    /// <param name="type">The action type.</param>
    /// <param name="config">Free-form configuration (a JSON object).</param>
    /// <returns>The model.</returns>
    public static WorkflowAction WorkflowAction(
        string? id = null,
        string? type = null,
        JsonElement? config = null) =>
        new()
        {
            Id = id,
            Type = type ?? string.Empty,
            Config = config,
        };
}
