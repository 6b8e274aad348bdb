using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Botcadence.Sdk;

/// <summary>Runs: launch published templates and work through their tasks.</summary>
public interface IRunsClient
{
    /// <summary>Lists runs, newest first, by cursor (scope <c>runs:read</c>). Pages are fetched as you enumerate.</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The runs (without their tasks), enumerable item by item or page by page.</returns>
    AsyncPageable<Run> ListAsync(RunListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Launches a run from a published template (scope <c>runs:execute</c>). A draft template is a <see cref="BotCadenceConflictException"/>.</summary>
    /// <param name="options">The template and optional name, owner, deadline and form data.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new run, in progress, with its tasks.</returns>
    Task<Run> LaunchAsync(RunLaunchOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a run with its tasks (scope <c>runs:read</c>).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run.</returns>
    Task<Run> GetAsync(string runId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes one task (scope <c>runs:write</c>). Completing the last required task completes the run. A completed or
    /// cancelled run is a <see cref="BotCadenceConflictException"/>; skipping a required task or a value that does not
    /// fit the task's form fields is a <see cref="BotCadenceValidationException"/>.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="options">The change.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated task.</returns>
    Task<RunTask> UpdateTaskAsync(string runId, string taskId, RunTaskUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Completes a task, optionally with its value (scope <c>runs:write</c>); see <see cref="UpdateTaskAsync"/>.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="value">The value (a string, number, or for a task with form fields an object keyed by field name), sent exactly as given; null sends none.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The completed task.</returns>
    Task<RunTask> CompleteTaskAsync(string runId, string taskId, JsonElement? value = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Completes a task with a typed value serialized by your source-generated metadata (trim and AOT safe).</summary>
    /// <typeparam name="TValue">The value's type.</typeparam>
    /// <param name="runId">The run's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="value">The value.</param>
    /// <param name="valueTypeInfo">Metadata from your <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The completed task.</returns>
    Task<RunTask> CompleteTaskAsync<TValue>(string runId, string taskId, TValue value, JsonTypeInfo<TValue> valueTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Completes a task with any value (e.g. <c>"done"</c>, <c>42</c> or <c>new { approvedBy = "ada" }</c>), serialized with default System.Text.Json options: names are sent exactly as written.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="value">The value; null sends none.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The completed task.</returns>
    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    Task<RunTask> CompleteTaskAsync(string runId, string taskId, object? value, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Skips an optional task (scope <c>runs:write</c>); a required task is a <see cref="BotCadenceValidationException"/>.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="taskId">The task's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The skipped task.</returns>
    Task<RunTask> SkipTaskAsync(string runId, string taskId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class RunsClient : IRunsClient
{
    private readonly ClientCore _core;
    private readonly IRunsApi _api;

    public RunsClient(ClientCore core, IRunsApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<Run> ListAsync(RunListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var status = options?.Status?.Value;
        var templateId = options?.TemplateId;
        var assigneeId = options?.AssigneeId;
        var pageSize = options?.PageSize;
        return _core.CursorStyle("Runs.List", requestOptions, (call, cursor, limit, ct) => _api.ListAsync(cursor, limit, status, templateId, assigneeId, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeRun, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Run> LaunchAsync(RunLaunchOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.TemplateId, nameof(options));
        return _core.ReadAsync("Runs.Launch", requestOptions, (call, ct) => _api.LaunchAsync(options, call, ct), BotCadenceJsonContext.Default.Run, cancellationToken);
    }

    public Task<Run> GetAsync(string runId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return _core.ReadAsync("Runs.Get", requestOptions, (call, ct) => _api.GetAsync(runId, call, ct), BotCadenceJsonContext.Default.Run, cancellationToken);
    }

    public Task<RunTask> UpdateTaskAsync(string runId, string taskId, RunTaskUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Runs.UpdateTask", requestOptions, (call, ct) => _api.UpdateTaskAsync(runId, taskId, options, call, ct), BotCadenceJsonContext.Default.RunTask, cancellationToken);
    }

    public Task<RunTask> CompleteTaskAsync(string runId, string taskId, JsonElement? value = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateTaskAsync(runId, taskId, new RunTaskUpdateOptions { Status = RunTaskStatus.Completed, Value = value is { ValueKind: JsonValueKind.Undefined } ? null : value }, requestOptions, cancellationToken);

    public Task<RunTask> CompleteTaskAsync<TValue>(string runId, string taskId, TValue value, JsonTypeInfo<TValue> valueTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CompleteTaskAsync(runId, taskId, UserJson.From(value, valueTypeInfo), requestOptions, cancellationToken);

    [RequiresUnreferencedCode(UserJson.ReflectionMessage)]
    [RequiresDynamicCode(UserJson.ReflectionMessage)]
    public Task<RunTask> CompleteTaskAsync(string runId, string taskId, object? value, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        CompleteTaskAsync(runId, taskId, UserJson.FromObject(value), requestOptions, cancellationToken);

    public Task<RunTask> SkipTaskAsync(string runId, string taskId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateTaskAsync(runId, taskId, new RunTaskUpdateOptions { Status = RunTaskStatus.Skipped }, requestOptions, cancellationToken);
}
