using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>Token usage of the organization's agents over a period, in total and per bucket.</summary>
public sealed class TokenUsage : BotCadenceResult
{
    /// <summary>The bucket size.</summary>
    [JsonInclude] public MetricsGranularity Granularity { get; internal set; }

    /// <summary>The agent the figures are limited to, or null for all agents.</summary>
    [JsonInclude] public string? AgentId { get; internal set; }

    /// <summary>The period covered.</summary>
    [JsonInclude] public MetricsPeriod Period { get; internal set; } = new();

    /// <summary>Totals over the whole period.</summary>
    [JsonInclude] public TokenUsageTotals Totals { get; internal set; } = new();

    /// <summary>One entry per bucket, empty buckets included.</summary>
    [JsonInclude] public IReadOnlyList<TokenUsageBucket> Timeseries { get; internal set; } = [];
}

/// <summary>Token counts over a period.</summary>
public sealed class TokenUsageTotals
{
    /// <summary>Messages handled.</summary>
    [JsonInclude] public long Messages { get; internal set; }

    /// <summary>Tokens read (the messages).</summary>
    [JsonInclude] public long InputTokens { get; internal set; }

    /// <summary>Tokens written (the replies).</summary>
    [JsonInclude] public long OutputTokens { get; internal set; }

    /// <summary>Input plus output.</summary>
    [JsonInclude] public long TotalTokens { get; internal set; }
}

/// <summary>Token counts of one bucket.</summary>
public sealed class TokenUsageBucket
{
    /// <summary>Start of the bucket.</summary>
    [JsonInclude] public DateTimeOffset Start { get; internal set; }

    /// <summary>Messages handled.</summary>
    [JsonInclude] public long Messages { get; internal set; }

    /// <summary>Tokens read (the messages).</summary>
    [JsonInclude] public long InputTokens { get; internal set; }

    /// <summary>Tokens written (the replies).</summary>
    [JsonInclude] public long OutputTokens { get; internal set; }

    /// <summary>Input plus output.</summary>
    [JsonInclude] public long TotalTokens { get; internal set; }
}

/// <summary>The period, bucket size and agent of a usage query.</summary>
public sealed class TokenUsageOptions
{
    /// <summary>Start of the period (default: 7 days before <see cref="EndDate"/>).</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>End of the period (default: now).</summary>
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>Bucket size (default: day).</summary>
    public MetricsGranularity? Granularity { get; set; }

    /// <summary>Only this agent's usage.</summary>
    public string? AgentId { get; set; }
}
