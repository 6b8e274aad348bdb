using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>Execution metrics of a workflow over a period, in total and per bucket.</summary>
public sealed class WorkflowMetrics : BotCadenceResult
{
    /// <summary>The workflow.</summary>
    [JsonInclude] public string WorkflowId { get; internal set; } = string.Empty;

    /// <summary>The bucket size.</summary>
    [JsonInclude] public MetricsGranularity Granularity { get; internal set; }

    /// <summary>The period covered.</summary>
    [JsonInclude] public MetricsPeriod Period { get; internal set; } = new();

    /// <summary>Totals over the whole period.</summary>
    [JsonInclude] public MetricsSummary Metrics { get; internal set; } = new();

    /// <summary>One entry per bucket, empty buckets included.</summary>
    [JsonInclude] public IReadOnlyList<MetricsBucket> Timeseries { get; internal set; } = [];
}

/// <summary>A metrics period.</summary>
public sealed class MetricsPeriod
{
    /// <summary>Start, inclusive.</summary>
    [JsonInclude] public DateTimeOffset StartDate { get; internal set; }

    /// <summary>End of the period.</summary>
    [JsonInclude] public DateTimeOffset EndDate { get; internal set; }
}

/// <summary>Totals over a metrics period.</summary>
public sealed class MetricsSummary
{
    /// <summary>Executions started in the period.</summary>
    [JsonInclude] public long TotalExecutions { get; internal set; }

    /// <summary>Of those, completed.</summary>
    [JsonInclude] public long SuccessfulExecutions { get; internal set; }

    /// <summary>Of those, failed.</summary>
    [JsonInclude] public long FailedExecutions { get; internal set; }

    /// <summary>Of those, still running.</summary>
    [JsonInclude] public long RunningExecutions { get; internal set; }

    /// <summary>Completed ÷ finished, or null when none finished.</summary>
    [JsonInclude] public double? SuccessRate { get; internal set; }

    /// <summary>Mean duration of finished executions, in milliseconds.</summary>
    [JsonInclude] public double? AverageDurationMs { get; internal set; }
}

/// <summary>Metrics for one bucket.</summary>
public sealed class MetricsBucket
{
    /// <summary>Start of the bucket.</summary>
    [JsonInclude] public DateTimeOffset Start { get; internal set; }

    /// <summary>Executions started in the bucket.</summary>
    [JsonInclude] public long Executions { get; internal set; }

    /// <summary>Of those, completed.</summary>
    [JsonInclude] public long SuccessfulExecutions { get; internal set; }

    /// <summary>Of those, failed.</summary>
    [JsonInclude] public long FailedExecutions { get; internal set; }

    /// <summary>Completed ÷ finished, or null when none finished.</summary>
    [JsonInclude] public double? SuccessRate { get; internal set; }

    /// <summary>Mean duration of finished executions, in milliseconds.</summary>
    [JsonInclude] public double? AverageDurationMs { get; internal set; }
}
