using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>One run of a workflow, with its steps and logs.</summary>
public sealed class Execution : BotCadenceResult
{
    /// <summary>The execution's id (opaque, e.g. <c>exec_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The workflow that ran.</summary>
    [JsonInclude] public string WorkflowId { get; internal set; } = string.Empty;

    /// <summary>The state.</summary>
    [JsonInclude] public ExecutionStatus Status { get; internal set; }

    /// <summary>The input it was started with.</summary>
    [JsonInclude] public JsonElement? Input { get; internal set; }

    /// <summary>The output, once completed.</summary>
    [JsonInclude] public JsonElement? Output { get; internal set; }

    /// <summary>Why it failed, when it did.</summary>
    [JsonInclude] public ExecutionError? Error { get; internal set; }

    /// <summary>When it was accepted.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it started running.</summary>
    [JsonInclude] public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>When it finished.</summary>
    [JsonInclude] public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>How long it ran, in milliseconds.</summary>
    [JsonInclude] public long? DurationMs { get; internal set; }

    /// <summary>The steps, one per workflow action (empty in some list responses).</summary>
    [JsonInclude] public IReadOnlyList<ExecutionStep> Steps { get; internal set; } = [];

    /// <summary>Log lines (empty in some list responses).</summary>
    [JsonInclude] public IReadOnlyList<ExecutionLog> Logs { get; internal set; } = [];
}

/// <summary>One step of an execution.</summary>
public sealed class ExecutionStep
{
    /// <summary>The action id the step runs.</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The action type.</summary>
    [JsonInclude] public string Type { get; internal set; } = string.Empty;

    /// <summary>The state.</summary>
    [JsonInclude] public StepStatus Status { get; internal set; }

    /// <summary>When it started.</summary>
    [JsonInclude] public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>When it finished.</summary>
    [JsonInclude] public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>How long it ran, in milliseconds.</summary>
    [JsonInclude] public long? DurationMs { get; internal set; }

    /// <summary>What it received.</summary>
    [JsonInclude] public JsonElement? Input { get; internal set; }

    /// <summary>What it produced.</summary>
    [JsonInclude] public JsonElement? Output { get; internal set; }

    /// <summary>Why it failed, when it did.</summary>
    [JsonInclude] public string? Error { get; internal set; }
}

/// <summary>A log line of an execution.</summary>
public sealed class ExecutionLog
{
    /// <summary>When.</summary>
    [JsonInclude] public DateTimeOffset Timestamp { get; internal set; }

    /// <summary>The level: info, warning or error.</summary>
    [JsonInclude] public string Level { get; internal set; } = string.Empty;

    /// <summary>The text.</summary>
    [JsonInclude] public string Message { get; internal set; } = string.Empty;

    /// <summary>The step it concerns, if any.</summary>
    [JsonInclude] public string? StepId { get; internal set; }
}

/// <summary>Why an execution failed.</summary>
public sealed class ExecutionError
{
    /// <summary>A machine-readable code.</summary>
    [JsonInclude] public string Code { get; internal set; } = string.Empty;

    /// <summary>The text.</summary>
    [JsonInclude] public string Message { get; internal set; } = string.Empty;

    /// <summary>The step that failed.</summary>
    [JsonInclude] public string? StepId { get; internal set; }
}
