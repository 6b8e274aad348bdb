using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>An AI agent of the organization.</summary>
public sealed class Agent : BotCadenceResult
{
    /// <summary>The agent's id (opaque, e.g. <c>agt_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The display name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>What it does.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>Whether it is available.</summary>
    [JsonInclude] public AgentStatus Status { get; internal set; }

    /// <summary>The installed skills.</summary>
    [JsonInclude] public IReadOnlyList<string> Skills { get; internal set; } = [];

    /// <summary>When it was created.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    [JsonInclude] public DateTimeOffset UpdatedAt { get; internal set; }
}

/// <summary>A message delivered to an agent.</summary>
public sealed class AgentMessage : BotCadenceResult
{
    /// <summary>The message's id (opaque, e.g. <c>msg_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The delivery state.</summary>
    [JsonInclude] public MessageStatus Status { get; internal set; }

    /// <summary>The agent it was sent to.</summary>
    [JsonInclude] public string AgentId { get; internal set; } = string.Empty;

    /// <summary>The text sent.</summary>
    [JsonInclude] public string? Content { get; internal set; }

    /// <summary>The channel it came through (default <c>api</c>).</summary>
    [JsonInclude] public string? Channel { get; internal set; }

    /// <summary>The metadata sent with it.</summary>
    [JsonInclude] public JsonElement? Metadata { get; internal set; }

    /// <summary>The agent task that handles it (see <see cref="IAgentsClient.ListTasksAsync"/>).</summary>
    [JsonInclude] public string? TaskId { get; internal set; }

    /// <summary>When it was sent.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }
}

/// <summary>A unit of work an agent did, e.g. handling one message.</summary>
public sealed class AgentTask : BotCadenceResult
{
    /// <summary>The task's id (opaque, e.g. <c>task_…</c>).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The agent.</summary>
    [JsonInclude] public string AgentId { get; internal set; } = string.Empty;

    /// <summary>The message that started it.</summary>
    [JsonInclude] public string? MessageId { get; internal set; }

    /// <summary>The state.</summary>
    [JsonInclude] public AgentTaskStatus Status { get; internal set; }

    /// <summary>What the agent was asked.</summary>
    [JsonInclude] public string? Input { get; internal set; }

    /// <summary>What the agent answered.</summary>
    [JsonInclude] public string? Output { get; internal set; }

    /// <summary>Tokens used (input plus output).</summary>
    [JsonInclude] public long TokensUsed { get; internal set; }

    /// <summary>When it started.</summary>
    [JsonInclude] public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When it finished, or null.</summary>
    [JsonInclude] public DateTimeOffset? CompletedAt { get; internal set; }
}

/// <summary>A message to send to an agent.</summary>
public sealed class AgentMessageOptions
{
    /// <summary>The text (required, 1–10 000 characters).</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>The channel it comes through; the service defaults to <c>api</c>.</summary>
    public string? Channel { get; set; }

    /// <summary>Free-form metadata kept with the message, e.g. a customer id: a JSON object sent exactly as given (<c>JsonSerializer.SerializeToElement(new { customerId = "c1" })</c>).</summary>
    public JsonElement? Metadata { get; set; }
}

/// <summary>Filters for listing agents.</summary>
public sealed class AgentListOptions
{
    /// <summary>Only agents in this state.</summary>
    public AgentStatus? Status { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>Page size for listing an agent's tasks.</summary>
public sealed class AgentTaskListOptions
{
    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>The body of the skills call.</summary>
internal sealed class SetSkillsRequest
{
    public IList<string> Skills { get; set; } = [];
}
