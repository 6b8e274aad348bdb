using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>Workflows: create, read, change, run and measure automation workflows.</summary>
public interface IWorkflowsClient
{
    /// <summary>Lists workflows, newest first (scope <c>workflows:read</c>). Pages are fetched as you enumerate.</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The workflows, enumerable item by item or page by page.</returns>
    AsyncPageable<Workflow> ListAsync(WorkflowListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a workflow (scope <c>workflows:write</c>); it starts as a draft unless a status is given.</summary>
    /// <param name="options">The definition; <see cref="WorkflowCreateOptions.Name"/> is required.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created workflow.</returns>
    Task<Workflow> CreateAsync(WorkflowCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a workflow (scope <c>workflows:read</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow.</returns>
    Task<Workflow> GetAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Changes some fields of a workflow (PATCH, scope <c>workflows:write</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="options">The fields to change; unset ones are left as they are.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated workflow.</returns>
    Task<Workflow> UpdateAsync(string workflowId, WorkflowUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces a workflow's whole definition (PUT, scope <c>workflows:write</c>); omitted fields are reset, the status is kept unless given.</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="options">The new definition.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The replaced workflow.</returns>
    Task<Workflow> ReplaceAsync(string workflowId, WorkflowCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a workflow permanently (scope <c>workflows:write</c>). Its executions stay readable.</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response of the delete: status, request id, attempts, idempotency key and replay flag.</returns>
    Task<ResponseInfo> DeleteAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Activates a workflow so it can run (scope <c>workflows:write</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow, now active.</returns>
    Task<Workflow> ActivateAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Deactivates a workflow (scope <c>workflows:write</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow, now inactive.</returns>
    Task<Workflow> DeactivateAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Starts an execution of an active workflow with no input (scope <c>workflows:execute</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new execution, pending or running; see <see cref="IExecutionsClient.WaitForCompletionAsync"/>.</returns>
    Task<Execution> ExecuteAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Starts an execution with the given JSON object as input (scope <c>workflows:execute</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="input">The input: a JSON object.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new execution.</returns>
    Task<Execution> ExecuteAsync(string workflowId, JsonElement input, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Starts an execution with a typed input serialized by your source-generated metadata (trim and AOT safe).</summary>
    /// <typeparam name="TInput">The input type; it must serialize to a JSON object.</typeparam>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="input">The input.</param>
    /// <param name="inputTypeInfo">Metadata from your <see cref="JsonSerializerContext"/>.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new execution.</returns>
    Task<Execution> ExecuteAsync<TInput>(string workflowId, TInput input, JsonTypeInfo<TInput> inputTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Starts an execution with any object as input, e.g. <c>new { firstName = "Ada" }</c>, serialized with default System.Text.Json options: property names are sent exactly as written (no naming policy).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="input">The input; null sends none.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new execution.</returns>
    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    Task<Execution> ExecuteAsync(string workflowId, object? input, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts an execution and waits until it completes, fails or is cancelled, polling with backoff
    /// (see <see cref="IExecutionsClient.WaitForCompletionAsync"/>). The start is sent once with an idempotency key, so a
    /// retried start never runs the workflow twice.
    /// </summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="input">The input: a JSON object, or null for none.</param>
    /// <param name="waitOptions">Poll intervals and the overall deadline; null for the defaults.</param>
    /// <param name="requestOptions">Per-call settings; <see cref="RequestOptions.Timeout"/> bounds the whole call (start and wait).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The finished execution; check <see cref="Execution.Status"/>.</returns>
    /// <exception cref="BotCadenceTimeoutException">The deadline passed before the execution finished.</exception>
    Task<Execution> ExecuteAndWaitAsync(string workflowId, JsonElement? input = null, ExecutionWaitOptions? waitOptions = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets execution metrics of a workflow over a period (scope <c>workflows:read</c>).</summary>
    /// <param name="workflowId">The workflow's id.</param>
    /// <param name="options">Period and granularity; defaults to the last 7 days by day.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The totals and the per-bucket series.</returns>
    Task<WorkflowMetrics> GetMetricsAsync(string workflowId, WorkflowMetricsOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class WorkflowsClient : IWorkflowsClient
{
    private readonly ClientCore _core;
    private readonly IWorkflowsApi _api;
    private readonly ExecutionsClient _executions;

    public WorkflowsClient(ClientCore core, IWorkflowsApi api, ExecutionsClient executions)
    {
        _core = core;
        _api = api;
        _executions = executions;
    }

    public AsyncPageable<Workflow> ListAsync(WorkflowListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var (status, search, channel) = (options?.Status?.Value, options?.Search, options?.Channel);
        return _core.PageStyle("Workflows.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, status, search, channel, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeWorkflow, options?.PageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Workflow> CreateAsync(WorkflowCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Workflows.Create", requestOptions, (call, ct) => _api.CreateAsync(options, call, ct), BotCadenceJsonContext.Default.Workflow, cancellationToken);
    }

    public Task<Workflow> GetAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return _core.ReadAsync("Workflows.Get", requestOptions, (call, ct) => _api.GetAsync(workflowId, call, ct), BotCadenceJsonContext.Default.Workflow, cancellationToken);
    }

    public Task<Workflow> UpdateAsync(string workflowId, WorkflowUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Workflows.Update", requestOptions, (call, ct) => _api.UpdateAsync(workflowId, options, call, ct), BotCadenceJsonContext.Default.Workflow, cancellationToken);
    }

    public Task<Workflow> ReplaceAsync(string workflowId, WorkflowCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Workflows.Replace", requestOptions, (call, ct) => _api.ReplaceAsync(workflowId, options, call, ct), BotCadenceJsonContext.Default.Workflow, cancellationToken);
    }

    public Task<ResponseInfo> DeleteAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return _core.ReadNothingAsync("Workflows.Delete", requestOptions, (call, ct) => _api.DeleteAsync(workflowId, call, ct), cancellationToken);
    }

    public Task<Workflow> ActivateAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return _core.ReadAsync("Workflows.Activate", requestOptions, (call, ct) => _api.ActivateAsync(workflowId, call, ct), BotCadenceJsonContext.Default.Workflow, cancellationToken);
    }

    public Task<Workflow> DeactivateAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return _core.ReadAsync("Workflows.Deactivate", requestOptions, (call, ct) => _api.DeactivateAsync(workflowId, call, ct), BotCadenceJsonContext.Default.Workflow, cancellationToken);
    }

    public Task<Execution> ExecuteAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        SendExecuteAsync(workflowId, null, requestOptions, cancellationToken);

    public Task<Execution> ExecuteAsync(string workflowId, JsonElement input, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        SendExecuteAsync(workflowId, input, requestOptions, cancellationToken);

    public Task<Execution> ExecuteAsync<TInput>(string workflowId, TInput input, JsonTypeInfo<TInput> inputTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputTypeInfo);
        return SendExecuteAsync(workflowId, JsonSerializer.SerializeToElement(input, inputTypeInfo), requestOptions, cancellationToken);
    }

    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    public Task<Execution> ExecuteAsync(string workflowId, object? input, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        SendExecuteAsync(workflowId, UserJson.FromObject(input), requestOptions, cancellationToken);

    public Task<Execution> ExecuteAndWaitAsync(string workflowId, JsonElement? input = null, ExecutionWaitOptions? waitOptions = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return _executions.RunAndWaitAsync(
            (startOptions, ct) => SendExecuteAsync(workflowId, input, startOptions, ct), waitOptions, requestOptions, cancellationToken);
    }

    public Task<WorkflowMetrics> GetMetricsAsync(string workflowId, WorkflowMetricsOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        return _core.ReadAsync(
            "Workflows.GetMetrics", requestOptions, (call, ct) => _api.GetMetricsAsync(workflowId, Iso8601.Format(options?.StartDate), Iso8601.Format(options?.EndDate), options?.Granularity?.Value, call, ct),
            BotCadenceJsonContext.Default.WorkflowMetrics, cancellationToken);
    }

    private Task<Execution> SendExecuteAsync(string workflowId, JsonElement? input, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        if (input is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined } bad)
        {
            throw new ArgumentException($"The execution input must be a JSON object, not {bad.ValueKind}.", nameof(input));
        }

        var body = new ExecuteWorkflowRequest { Input = input is { ValueKind: JsonValueKind.Object } ? input : null };
        return _core.ReadAsync("Workflows.Execute", requestOptions, (call, ct) => _api.ExecuteAsync(workflowId, body, call, ct), BotCadenceJsonContext.Default.Execution, cancellationToken);
    }
}
