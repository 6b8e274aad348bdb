using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>An automation workflow: a trigger and an ordered list of actions.</summary>
public sealed class Workflow : BotCadenceResult
{
    /// <summary>The workflow's id (opaque, e.g. <c>wf_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>A longer description.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>The lifecycle state.</summary>
    [JsonInclude] public WorkflowStatus Status { get; internal set; }

    /// <summary>The communication channel it serves (e.g. <c>email</c>, <c>whatsapp</c>).</summary>
    [JsonInclude] public string? Channel { get; internal set; }

    /// <summary>What starts it.</summary>
    [JsonInclude] public WorkflowTrigger? Trigger { get; internal set; }

    /// <summary>The actions, run in order.</summary>
    [JsonInclude] public IReadOnlyList<WorkflowAction> Actions { get; internal set; } = [];

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    [JsonInclude] public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>When it was last activated.</summary>
    [JsonInclude] public DateTimeOffset? ActivatedAt { get; internal set; }

    /// <summary>When it was last deactivated.</summary>
    [JsonInclude] public DateTimeOffset? DeactivatedAt { get; internal set; }

    /// <summary>How many times it has been executed.</summary>
    [JsonInclude] public long ExecutionCount { get; internal set; }

    /// <summary>Completed ÷ finished executions, or null before any finished.</summary>
    [JsonInclude] public double? SuccessRate { get; internal set; }
}

/// <summary>What starts a workflow, as the service returns it (read-only; to set one, use <see cref="WorkflowTriggerOptions"/>).</summary>
public sealed class WorkflowTrigger
{
    /// <summary>The trigger type, e.g. <c>webhook</c>, <c>message</c>, <c>schedule</c>.</summary>
    [JsonInclude] public string Type { get; internal set; } = string.Empty;

    /// <summary>The event that fires it, e.g. <c>user.created</c>.</summary>
    [JsonInclude] public string? Event { get; internal set; }

    /// <summary>Keywords for message triggers.</summary>
    [JsonInclude] public IReadOnlyList<string>? Keywords { get; internal set; }

    /// <summary>Free-form trigger configuration (a JSON object), exactly as stored.</summary>
    [JsonInclude] public JsonElement? Config { get; internal set; }
}

/// <summary>One action of a workflow, as the service returns it (read-only; to set one, use <see cref="WorkflowActionOptions"/>).</summary>
public sealed class WorkflowAction
{
    /// <summary>The action's id within the workflow.</summary>
    [JsonInclude] public string? Id { get; internal set; }

    /// <summary>The action type, e.g. <c>send_email</c>.</summary>
    [JsonInclude] public string Type { get; internal set; } = string.Empty;

    /// <summary>Free-form configuration (a JSON object), exactly as stored.</summary>
    [JsonInclude] public JsonElement? Config { get; internal set; }
}

/// <summary>What starts a workflow: the trigger of <see cref="WorkflowCreateOptions"/> and <see cref="WorkflowUpdateOptions"/>.</summary>
public sealed class WorkflowTriggerOptions
{
    /// <summary>The trigger type, e.g. <c>webhook</c>, <c>message</c>, <c>schedule</c>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The event that fires it, e.g. <c>user.created</c>.</summary>
    public string? Event { get; set; }

    /// <summary>Keywords for message triggers.</summary>
    public IList<string>? Keywords { get; set; }

    /// <summary>Free-form trigger configuration: a JSON object, sent exactly as given (e.g. <c>JsonSerializer.SerializeToElement(new { cron = "0 9 * * *" })</c>).</summary>
    public JsonElement? Config { get; set; }
}

/// <summary>One action of a workflow definition in <see cref="WorkflowCreateOptions"/> and <see cref="WorkflowUpdateOptions"/>.</summary>
public sealed class WorkflowActionOptions
{
    /// <summary>The action's id within the workflow; the service assigns one when omitted.</summary>
    public string? Id { get; set; }

    /// <summary>The action type, e.g. <c>send_email</c>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Free-form configuration: a JSON object sent exactly as given; string values may hold <c>{{path}}</c> placeholders filled from the execution input.</summary>
    public JsonElement? Config { get; set; }
}
