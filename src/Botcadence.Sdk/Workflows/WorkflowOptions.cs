using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A workflow's full definition: the body of <c>CreateAsync</c> and of <c>ReplaceAsync</c> (PUT).</summary>
public sealed class WorkflowCreateOptions
{
    /// <summary>The display name (required, 1–200 characters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>A longer description.</summary>
    public string? Description { get; set; }

    /// <summary>The channel it serves.</summary>
    public string? Channel { get; set; }

    /// <summary>The initial status; the service defaults to draft. On replace, omitting it keeps the current status.</summary>
    public WorkflowStatus? Status { get; set; }

    /// <summary>What starts it.</summary>
    public WorkflowTriggerOptions? Trigger { get; set; }

    /// <summary>The actions, run in order.</summary>
    public IList<WorkflowActionOptions>? Actions { get; set; }
}

/// <summary>A partial update (PATCH): only the properties that are set are sent; null leaves a field unchanged. To clear a field, use <c>ReplaceAsync</c>.</summary>
public sealed class WorkflowUpdateOptions
{
    /// <summary>A new name.</summary>
    public string? Name { get; set; }

    /// <summary>A new description.</summary>
    public string? Description { get; set; }

    /// <summary>A new channel.</summary>
    public string? Channel { get; set; }

    /// <summary>A new status.</summary>
    public WorkflowStatus? Status { get; set; }

    /// <summary>A new trigger.</summary>
    public WorkflowTriggerOptions? Trigger { get; set; }

    /// <summary>New actions, replacing the old list.</summary>
    public IList<WorkflowActionOptions>? Actions { get; set; }
}

/// <summary>Filters for listing workflows.</summary>
public sealed class WorkflowListOptions
{
    /// <summary>Only workflows in this state.</summary>
    public WorkflowStatus? Status { get; set; }

    /// <summary>Case-insensitive text searched in name and description.</summary>
    public string? Search { get; set; }

    /// <summary>Only workflows of this channel.</summary>
    public string? Channel { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>The period and bucket size of workflow metrics.</summary>
public sealed class WorkflowMetricsOptions
{
    /// <summary>Start of the period (default: 7 days before <see cref="EndDate"/>).</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>End of the period (default: now).</summary>
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>Bucket size (default: day).</summary>
    public MetricsGranularity? Granularity { get; set; }
}

/// <summary>The body of the execute call.</summary>
internal sealed class ExecuteWorkflowRequest
{
    [JsonPropertyName("input")]
    public System.Text.Json.JsonElement? Input { get; set; }
}
