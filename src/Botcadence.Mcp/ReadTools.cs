using System.ComponentModel;
using Botcadence.Sdk;
using ModelContextProtocol.Server;

namespace Botcadence.Mcp;

/// <summary>The tools that only read (MCP annotation readOnlyHint=true); always served, also with <c>--read-only</c>.</summary>
[McpServerToolType]
internal static class ReadTools
{
    private const string LimitDescription = "Items per page, 1 to 100 (default 20).";
    private const string CursorDescription = "The nextCursor of a previous call, to get the following page.";

    [McpServerTool(Name = "list_workflows", Title = "List workflows", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the organization's workflows, newest first, one page at a time.")]
    public static Task<ListResult<WorkflowSummary>> ListWorkflows(
        IBotCadenceClient client,
        [Description("Only workflows in this status: draft, active or inactive.")] string? status = null,
        [Description("Only workflows whose name or description contains this text.")] string? search = null,
        [Description(LimitDescription)] int limit = 20,
        [Description(CursorDescription)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Limit(limit);
        var options = new WorkflowListOptions
        {
            Status = string.IsNullOrEmpty(status) ? (WorkflowStatus?)null : new WorkflowStatus(status),
            Search = search,
            PageSize = limit,
        };
        return Api.CallAsync(() => Paging.FirstPageAsync(
            client.Workflows.ListAsync(options, cancellationToken: cancellationToken), cursor, limit, WorkflowSummary.From, cancellationToken));
    }

    [McpServerTool(Name = "get_workflow", Title = "Get a workflow", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Gets one workflow: its trigger, actions, status and execution statistics.")]
    public static Task<WorkflowDetail> GetWorkflow(
        IBotCadenceClient client,
        [Description("The workflow id (wf_…).")] string workflowId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Id(workflowId, nameof(workflowId));
        return Api.CallAsync(async () => WorkflowDetail.From(
            await client.Workflows.GetAsync(workflowId, cancellationToken: cancellationToken).ConfigureAwait(false)));
    }

    [McpServerTool(Name = "get_execution", Title = "Get an execution", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Gets one workflow execution with its status, input, output, error and every step.")]
    public static Task<ExecutionDetail> GetExecution(
        IBotCadenceClient client,
        [Description("The execution id (exec_…).")] string executionId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Id(executionId, nameof(executionId));
        return Api.CallAsync(async () => ExecutionDetail.From(
            await client.Executions.GetAsync(executionId, cancellationToken: cancellationToken).ConfigureAwait(false)));
    }

    [McpServerTool(Name = "list_runs", Title = "List runs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists template runs (checklists launched from templates) with their tasks, one page at a time.")]
    public static Task<ListResult<RunInfo>> ListRuns(
        IBotCadenceClient client,
        [Description("Only runs in this status: IN_PROGRESS, COMPLETED, OVERDUE or CANCELLED.")] string? status = null,
        [Description("Only runs launched from this template (tpl_…).")] string? templateId = null,
        [Description("Only runs assigned to this user (usr_…).")] string? assigneeId = null,
        [Description(LimitDescription)] int limit = 20,
        [Description(CursorDescription)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Limit(limit);
        var options = new RunListOptions
        {
            Status = string.IsNullOrEmpty(status) ? (RunStatus?)null : new RunStatus(status),
            TemplateId = templateId,
            AssigneeId = assigneeId,
            PageSize = limit,
        };
        return Api.CallAsync(() => Paging.FirstPageAsync(
            client.Runs.ListAsync(options, cancellationToken: cancellationToken), cursor, limit, RunInfo.From, cancellationToken));
    }

    [McpServerTool(Name = "list_forms", Title = "List forms", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists forms with their fields (names, types, required, options), one page at a time.")]
    public static Task<ListResult<FormInfo>> ListForms(
        IBotCadenceClient client,
        [Description("Only forms whose name contains this text.")] string? search = null,
        [Description(LimitDescription)] int limit = 20,
        [Description(CursorDescription)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Limit(limit);
        var options = new FormListOptions { Search = search, PageSize = limit };
        return Api.CallAsync(() => Paging.FirstPageAsync(
            client.Forms.ListAsync(options, cancellationToken: cancellationToken), cursor, limit, FormInfo.From, cancellationToken));
    }

    [McpServerTool(Name = "list_webhooks", Title = "List webhooks", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists webhook subscriptions (outbound events) and triggers (inbound URLs that start a workflow). Signing secrets are never shown.")]
    public static Task<ListResult<WebhookInfo>> ListWebhooks(
        IBotCadenceClient client,
        [Description("Only this kind: subscription or trigger.")] string? kind = null,
        [Description(LimitDescription)] int limit = 20,
        [Description(CursorDescription)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Limit(limit);
        var options = new WebhookListOptions { Kind = string.IsNullOrEmpty(kind) ? (WebhookKind?)null : new WebhookKind(kind), PageSize = limit };
        return Api.CallAsync(() => Paging.FirstPageAsync(
            client.Webhooks.ListAsync(options, cancellationToken: cancellationToken), cursor, limit, WebhookInfo.From, cancellationToken));
    }

    [McpServerTool(Name = "list_webhook_deliveries", Title = "List a webhook's recent deliveries", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists a webhook subscription's recent delivery attempts, newest first: event, attempt, HTTP status, latency and error.")]
    public static Task<ListResult<WebhookDeliveryInfo>> ListWebhookDeliveries(
        IBotCadenceClient client,
        [Description("The webhook id (wh_…).")] string webhookId,
        [Description(LimitDescription)] int limit = 20,
        [Description(CursorDescription)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate.Id(webhookId, nameof(webhookId));
        Validate.Limit(limit);
        var options = new WebhookDeliveryListOptions { PageSize = limit };
        return Api.CallAsync(() => Paging.FirstPageAsync(
            client.Webhooks.ListDeliveriesAsync(webhookId, options, cancellationToken: cancellationToken), cursor, limit, WebhookDeliveryInfo.From, cancellationToken));
    }
}
