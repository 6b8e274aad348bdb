namespace Botcadence.Sdk;

/// <summary>Filters for listing every execution of the organization (cursor paging, newest first).</summary>
public sealed class ExecutionListOptions
{
    /// <summary>Only executions in this state.</summary>
    public ExecutionStatus? Status { get; set; }

    /// <summary>Only executions of this workflow.</summary>
    public string? WorkflowId { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>Filters for listing one workflow's executions (page paging, newest first).</summary>
public sealed class WorkflowExecutionListOptions
{
    /// <summary>Only executions in this state.</summary>
    public ExecutionStatus? Status { get; set; }

    /// <summary>Only executions created at or after this instant.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Only executions created before this instant.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>Items per page (1–100); the service defaults to 20.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Request the next page while the current one is consumed (default false): enumeration waits less when handling a
    /// page takes as long as fetching one. At most one request is ahead; a failure of the next page surfaces when it is
    /// reached, and stopping early cancels it. See docs/paging.md.
    /// </summary>
    public bool PrefetchNextPage { get; set; }
}

/// <summary>How <c>WaitForCompletionAsync</c> polls.</summary>
public sealed class ExecutionWaitOptions
{
    /// <summary>The first delay between polls (default 100 ms); it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan InitialPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between polls (default 5 s).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The overall deadline of the wait (null: none). <see cref="RequestOptions.Timeout"/> of the call, when set, is an
    /// overall bound too; the shorter one applies. When it passes, the call throws <see cref="BotCadenceTimeoutException"/>.
    /// Measured on the client's <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }
}
