namespace Botcadence.Sdk;

/// <summary>Executions: the runs of workflows, with their steps, logs, input and output.</summary>
public interface IExecutionsClient
{
    /// <summary>Lists every execution of the organization, newest first, by cursor (scope <c>executions:read</c>).</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The executions, enumerable item by item or page by page.</returns>
    AsyncPageable<Execution> ListAsync(ExecutionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Lists one workflow's executions, newest first (scope <c>executions:read</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The executions, enumerable item by item or page by page.</returns>
    AsyncPageable<Execution> ListForWorkflowAsync(string workflowId, WorkflowExecutionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets an execution with its steps and logs (scope <c>executions:read</c>).</summary>
    /// <param name="executionId">The execution's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The execution.</returns>
    Task<Execution> GetAsync(string executionId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets an execution through its workflow; not found when it belongs to another workflow (scope <c>executions:read</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="executionId">The execution's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The execution.</returns>
    Task<Execution> GetForWorkflowAsync(string workflowId, string executionId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Polls an execution, with growing intervals, until it completes, fails or is cancelled.</summary>
    /// <param name="executionId">The execution's id.</param>
    /// <param name="options">Poll intervals.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Stops waiting (throws <see cref="OperationCanceledException"/>); use a timed token to bound the wait.</param>
    /// <returns>The finished execution.</returns>
    Task<Execution> WaitForCompletionAsync(string executionId, ExecutionWaitOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class ExecutionsClient : IExecutionsClient
{
    private readonly ClientCore _core;
    private readonly IExecutionsApi _api;

    public ExecutionsClient(ClientCore core, IExecutionsApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<Execution> ListAsync(ExecutionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var (status, workflowId) = (options?.Status?.Value, options?.WorkflowId);
        return _core.CursorStyle("Executions.List", requestOptions, (call, cursor, limit, ct) => _api.ListAsync(cursor, limit, status, workflowId, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeExecution, options?.PageSize, cancellationToken);
    }

    public AsyncPageable<Execution> ListForWorkflowAsync(string workflowId, WorkflowExecutionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        var (status, from, to) = (options?.Status?.Value, Iso8601.Format(options?.From), Iso8601.Format(options?.To));
        return _core.PageStyle("Executions.ListForWorkflow", requestOptions, (call, page, perPage, ct) => _api.ListForWorkflowAsync(workflowId, page, perPage, status, from, to, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeExecution, options?.PageSize, cancellationToken);
    }

    public Task<Execution> GetAsync(string executionId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        return _core.ReadAsync("Executions.Get", requestOptions, (call, ct) => _api.GetAsync(executionId, call, ct), BotCadenceJsonContext.Default.Execution, cancellationToken);
    }

    public Task<Execution> GetForWorkflowAsync(string workflowId, string executionId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        return _core.ReadAsync("Executions.GetForWorkflow", requestOptions, (call, ct) => _api.GetForWorkflowAsync(workflowId, executionId, call, ct), BotCadenceJsonContext.Default.Execution, cancellationToken);
    }

    public async Task<Execution> WaitForCompletionAsync(string executionId, ExecutionWaitOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        options ??= new ExecutionWaitOptions();
        if (options.InitialPollInterval <= TimeSpan.Zero || options.MaxPollInterval < options.InitialPollInterval)
        {
            throw new ArgumentException("InitialPollInterval must be positive and at most MaxPollInterval.", nameof(options));
        }

        var delay = options.InitialPollInterval;
        while (true)
        {
            var execution = await GetAsync(executionId, requestOptions, cancellationToken).ConfigureAwait(false);
            if (execution.Status.IsTerminal)
            {
                return execution;
            }

            await Task.Delay(delay, _core.TimeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollInterval.Ticks));
        }
    }
}
