using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Botcadence.Sdk;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Botcadence.Mcp;

/// <summary>The tools that change data (readOnlyHint=false); not served with <c>--read-only</c>.</summary>
[McpServerToolType]
internal static class WriteTools
{
    public const int DefaultWaitSeconds = 60;
    public const int MaxWaitSeconds = 600;
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(2);

    [McpServerTool(Name = "execute_workflow", Title = "Execute a workflow and wait for it", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true, UseStructuredContent = true)]
    [Description("Starts an execution of an active workflow and waits (at most waitSeconds) for it to finish, reporting progress per step. " +
                 "Runs the workflow's actions for real (they may send messages or call other systems). Returns the execution with its steps; " +
                 "if waitTimedOut is true it is still running: follow it with get_execution.")]
    public static async Task<ExecutionDetail> ExecuteWorkflow(
        IBotCadenceClient client,
        TimeProvider timeProvider,
        RequestContext<CallToolRequestParams> request,
        [Description("The workflow id (wf_…); the workflow must be active.")] string workflowId,
        [Description("The execution input: a JSON object the workflow's actions can read (e.g. {\"user\": {\"email\": \"a@example.com\"}}).")] JsonObject? input = null,
        [Description("How long to wait for the execution to finish, 0 to 600 seconds (default 60); 0 returns right after starting it.")] int waitSeconds = DefaultWaitSeconds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(request);
        Validate.Id(workflowId, nameof(workflowId));
        if (waitSeconds is < 0 or > MaxWaitSeconds)
        {
            throw new ToolFailureException($"Invalid arguments: 'waitSeconds' must be between 0 and {MaxWaitSeconds}, got {waitSeconds}.");
        }

        var started = await Api.CallAsync(() => input is not null
            ? client.Workflows.ExecuteAsync(workflowId, ToElement(input), cancellationToken: cancellationToken)
            : client.Workflows.ExecuteAsync(workflowId, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var progress = new StepProgress(request);
        await progress.ReportAsync(started, cancellationToken).ConfigureAwait(false);
        if (started.Status.IsTerminal || waitSeconds == 0)
        {
            return ExecutionDetail.From(started, waitTimedOut: !started.Status.IsTerminal && waitSeconds > 0);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(waitSeconds), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var current = started;
        var delay = FirstPoll;
        try
        {
            while (!current.Status.IsTerminal)
            {
                await Task.Delay(delay, timeProvider, linked.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPoll.Ticks));
                current = await Api.CallAsync(() => client.Executions.GetAsync(started.Id, cancellationToken: linked.Token)).ConfigureAwait(false);
                await progress.ReportAsync(current, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ExecutionDetail.From(current, waitTimedOut: true);
        }

        return ExecutionDetail.From(current);
    }

    [McpServerTool(Name = "launch_run", Title = "Launch a run from a template", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Launches a run (a checklist instance) from a published template. Returns the run with its tasks.")]
    public static Task<RunInfo> LaunchRun(
        IBotCadenceClient client,
        [Description("The template id (tpl_…); the template must be published.")] string templateId,
        [Description("The run's name (default: the template's name).")] string? name = null,
        [Description("The user the run is assigned to (usr_…).")] string? assigneeId = null,
        [Description("When the run is due, ISO 8601 (e.g. 2026-12-31T17:00:00Z).")] string? dueDate = null,
        [Description("Values for the template's launch form fields, by field name.")] JsonObject? formData = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Id(templateId, nameof(templateId));
        var options = new RunLaunchOptions
        {
            TemplateId = templateId,
            Name = name,
            AssigneeId = assigneeId,
            DueDate = ParseTime(dueDate, nameof(dueDate)),
            FormData = formData is null ? null : ToElement(formData),
        };
        return Api.CallAsync(async () => RunInfo.From(await client.Runs.LaunchAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false)));
    }

    [McpServerTool(Name = "complete_task", Title = "Complete a run's task", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Marks a task of a run as completed, optionally with a value (overwrites the task's status and value; completing the last required task completes the run).")]
    public static Task<RunTaskInfo> CompleteTask(
        IBotCadenceClient client,
        [Description("The run id (run_…).")] string runId,
        [Description("The task id within the run.")] string taskId,
        [Description("The task's value, when it has fields: any JSON value (e.g. an object keyed by field name).")] JsonElement? value = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Id(runId, nameof(runId));
        Validate.Id(taskId, nameof(taskId));
        JsonElement? given = value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } v ? v : null;
        return Api.CallAsync(async () => RunTaskInfo.From(
            await client.Runs.CompleteTaskAsync(runId, taskId, given, cancellationToken: cancellationToken).ConfigureAwait(false)));
    }

    [McpServerTool(Name = "skip_task", Title = "Skip a run's task", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Marks a task of a run as skipped (overwrites the task's status).")]
    public static Task<RunTaskInfo> SkipTask(
        IBotCadenceClient client,
        [Description("The run id (run_…).")] string runId,
        [Description("The task id within the run.")] string taskId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Id(runId, nameof(runId));
        Validate.Id(taskId, nameof(taskId));
        return Api.CallAsync(async () => RunTaskInfo.From(
            await client.Runs.SkipTaskAsync(runId, taskId, cancellationToken: cancellationToken).ConfigureAwait(false)));
    }

    [McpServerTool(Name = "submit_form", Title = "Submit a form", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Submits data to a form (adds a submission). Use list_forms to see the fields and which are required.")]
    public static Task<FormSubmissionInfo> SubmitForm(
        IBotCadenceClient client,
        [Description("The form id (form_…).")] string formId,
        [Description("The values by field name, as a JSON object.")] JsonObject data,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Id(formId, nameof(formId));
        if (data is null)
        {
            throw new ToolFailureException("Invalid arguments: 'data' is required and must be a JSON object.");
        }

        return Api.CallAsync(async () => FormSubmissionInfo.From(
            await client.Forms.SubmitAsync(formId, ToElement(data), cancellationToken: cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// Reports the steps done so far, only when that number grew (MCP progress must increase), to the caller that asked
    /// for progress. Each notification is awaited, so it is on the wire before the tool's result: the SDK's injected
    /// <see cref="IProgress{T}"/> sends without waiting, and a client stops listening for a call's progress once its
    /// result arrives, so the last step's notification could be lost.
    /// </summary>
    private sealed class StepProgress(RequestContext<CallToolRequestParams> request)
    {
        private int _reported = -1;

        public async Task ReportAsync(Execution execution, CancellationToken cancellationToken)
        {
            var total = execution.Steps.Count;
            var done = execution.Steps.Count(s => s.CompletedAt is not null);
            if (done <= _reported || request.Params?.ProgressToken is not { } token)
            {
                return;
            }

            _reported = done;
            await request.Server.NotifyProgressAsync(token, new ProgressNotificationValue
            {
                Progress = done,
                Total = total > 0 ? total : null,
                Message = string.Create(CultureInfo.InvariantCulture, $"Execution {execution.Id} {execution.Status}: {done} of {total} steps done"),
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset? ParseTime(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ToolFailureException($"Invalid arguments: '{name}' must be an ISO 8601 date and time, e.g. 2026-12-31T17:00:00Z.");
    }

    private static JsonElement ToElement(JsonObject value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }
}
