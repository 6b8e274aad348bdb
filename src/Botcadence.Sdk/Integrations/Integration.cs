using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>A connected third-party service (Slack, Gmail, HubSpot, …).</summary>
public sealed class Integration : BotCadenceResult
{
    /// <summary>The integration's id (opaque, e.g. <c>intg_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The provider key, e.g. <c>slack</c>.</summary>
    [JsonInclude] public string Provider { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The connection state.</summary>
    [JsonInclude] public IntegrationStatus Status { get; internal set; }

    /// <summary>When it was connected.</summary>
    [JsonInclude] public DateTimeOffset ConnectedAt { get; internal set; }

    /// <summary>When it was last tested, or null.</summary>
    [JsonInclude] public DateTimeOffset? LastTestedAt { get; internal set; }
}

/// <summary>The outcome of testing an integration's connection.</summary>
public sealed class IntegrationTestResult : BotCadenceResult
{
    /// <summary>True when the connection works.</summary>
    [JsonInclude] public bool Ok { get; internal set; }

    /// <summary>How long the check took, in milliseconds.</summary>
    [JsonInclude] public int LatencyMs { get; internal set; }

    /// <summary>A human-readable explanation (why it failed, when it did).</summary>
    [JsonInclude] public string Message { get; internal set; } = string.Empty;

    /// <summary>When the test ran.</summary>
    [JsonInclude] public DateTimeOffset TestedAt { get; internal set; }
}

/// <summary>Filters for listing integrations.</summary>
public sealed class IntegrationListOptions
{
    /// <summary>Only integrations in this state.</summary>
    public IntegrationStatus? Status { get; set; }

    /// <summary>Only integrations of this provider, e.g. <c>slack</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}
