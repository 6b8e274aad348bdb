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
    /// <param name="options">Poll intervals and the overall deadline (<see cref="ExecutionWaitOptions.Timeout"/>).</param>
    /// <param name="requestOptions">Per-call settings; <see cref="RequestOptions.Timeout"/> bounds the whole wait, not only each poll.</param>
    /// <param name="cancellationToken">Stops waiting (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The finished execution.</returns>
    /// <exception cref="BotCadenceTimeoutException">The deadline passed before the execution finished.</exception>
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
            BotCadenceJsonContext.Default.PageEnvelopeExecution, options?.PageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public AsyncPageable<Execution> ListForWorkflowAsync(string workflowId, WorkflowExecutionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        var (status, from, to) = (options?.Status?.Value, Iso8601.Format(options?.From), Iso8601.Format(options?.To));
        return _core.PageStyle("Executions.ListForWorkflow", requestOptions, (call, page, perPage, ct) => _api.ListForWorkflowAsync(workflowId, page, perPage, status, from, to, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeExecution, options?.PageSize, cancellationToken, options?.PrefetchNextPage == true);
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

    public Task<Execution> WaitForCompletionAsync(string executionId, ExecutionWaitOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        return RunAndWaitAsync((call, ct) => GetAsync(executionId, call, ct), options, requestOptions, cancellationToken);
    }

    /// <summary>Gets (or starts) an execution with <paramref name="first"/>, then polls it with backoff until it is finished, within one deadline.</summary>
    internal async Task<Execution> RunAndWaitAsync(
        Func<RequestOptions?, CancellationToken, Task<Execution>> first, ExecutionWaitOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        options ??= new ExecutionWaitOptions();
        if (options.InitialPollInterval <= TimeSpan.Zero || options.MaxPollInterval < options.InitialPollInterval)
        {
            throw new ArgumentException("InitialPollInterval must be positive and at most MaxPollInterval.", nameof(options));
        }

        if (options.Timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), t, "ExecutionWaitOptions.Timeout must be positive.");
        }

        TimeSpan? deadline = (options.Timeout, requestOptions?.Timeout) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };

        using var deadlineSource = deadline is { } d ? new CancellationTokenSource(d, _core.TimeProvider) : null;
        using var linked = deadlineSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            var execution = await first(requestOptions, token).ConfigureAwait(false);
            var delay = options.InitialPollInterval;
            while (!execution.Status.IsTerminal)
            {
                await Task.Delay(delay, _core.TimeProvider, token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollInterval.Ticks));
                execution = await GetAsync(execution.Id, requestOptions, token).ConfigureAwait(false);
            }

            return execution;
        }
        catch (Exception exception) when (deadlineSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or BotCadenceNetworkException)
        {
            throw new BotCadenceTimeoutException($"The execution did not finish within its deadline of {deadline!.Value.TotalSeconds:0.###} s.", exception);
        }
    }
}
