using System.Text.Json;

namespace Botcadence.Sdk;

// Typed factories for the executions output models (one per model; a test checks that every output model has one).
public static partial class BotCadenceModelFactory
{
    /// <summary>Builds a <see cref="Sdk.Execution"/> (one run of a workflow, with its steps and logs) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The execution's id (opaque, e.g. <c>exec_…</c>).</param>
    /// <param name="workflowId">The workflow that ran.</param>
    /// <param name="status">The state.</param>
    /// <param name="input">The input it was started with.</param>
    /// <param name="output">The output, once completed.</param>
    /// <param name="error">Why it failed, when it did.</param>
    /// <param name="createdAt">When it was accepted.</param>
    /// <param name="startedAt">When it started running.</param>
    /// <param name="completedAt">When it finished.</param>
    /// <param name="durationMs">How long it ran, in milliseconds.</param>
    /// <param name="steps">The steps, one per workflow action (empty in some list responses).</param>
    /// <param name="logs">Log lines (empty in some list responses).</param>
    /// <returns>The model.</returns>
    public static Execution Execution(
        string? id = null,
        string? workflowId = null,
        ExecutionStatus? status = null,
        JsonElement? input = null,
        JsonElement? output = null,
        ExecutionError? error = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? completedAt = null,
        long? durationMs = null,
        IEnumerable<ExecutionStep>? steps = null,
        IEnumerable<ExecutionLog>? logs = null) =>
        new()
        {
            Id = id ?? string.Empty,
            WorkflowId = workflowId ?? string.Empty,
            Status = status ?? default,
            Input = input,
            Output = output,
            Error = error,
            CreatedAt = createdAt ?? default,
            StartedAt = startedAt,
            CompletedAt = completedAt,
            DurationMs = durationMs,
            Steps = steps?.ToList() ?? [],
            Logs = logs?.ToList() ?? [],
        };

    /// <summary>Builds a <see cref="Sdk.ExecutionStep"/> (one step of an execution) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The action id the step runs.</param>
    /// <param name="type">The action type.</param>
    /// <param name="status">The state.</param>
    /// <param name="startedAt">When it started.</param>
    /// <param name="completedAt">When it finished.</param>
    /// <param name="durationMs">How long it ran, in milliseconds.</param>
    /// <param name="input">What it received.</param>
    /// <param name="output">What it produced.</param>
    /// <param name="error">Why it failed, when it did.</param>
    /// <returns>The model.</returns>
    public static ExecutionStep ExecutionStep(
        string? id = null,
        string? type = null,
        StepStatus? status = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? completedAt = null,
        long? durationMs = null,
        JsonElement? input = null,
        JsonElement? output = null,
        string? error = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Type = type ?? string.Empty,
            Status = status ?? default,
            StartedAt = startedAt,
            CompletedAt = completedAt,
            DurationMs = durationMs,
            Input = input,
            Output = output,
            Error = error,
        };

    /// <summary>Builds a <see cref="Sdk.ExecutionLog"/> (a log line of an execution) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="timestamp">When.</param>
    /// <param name="level">The level: info, warning or error.</param>
    /// <param name="message">The text.</param>
    /// <param name="stepId">The step it concerns, if any.</param>
    /// <returns>The model.</returns>
    public static ExecutionLog ExecutionLog(
        DateTimeOffset? timestamp = null,
        string? level = null,
        string? message = null,
        string? stepId = null) =>
        new()
        {
            Timestamp = timestamp ?? default,
            Level = level ?? string.Empty,
            Message = message ?? string.Empty,
            StepId = stepId,
        };

    /// <summary>Builds a <see cref="Sdk.ExecutionError"/> (why an execution failed) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="code">A machine-readable code.</param>
    /// <param name="message">The text.</param>
    /// <param name="stepId">The step that failed.</param>
    /// <returns>The model.</returns>
    public static ExecutionError ExecutionError(
        string? code = null,
        string? message = null,
        string? stepId = null) =>
        new()
        {
            Code = code ?? string.Empty,
            Message = message ?? string.Empty,
            StepId = stepId,
        };
}
