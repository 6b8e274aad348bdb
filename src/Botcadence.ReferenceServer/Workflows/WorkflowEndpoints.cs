using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Executions;

namespace Botcadence.ReferenceServer.Workflows;

/// <summary>/v1/workflows routes.</summary>
internal static class WorkflowEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/workflows");
        group.MapGet("", List).RequireScope(Scopes.WorkflowsRead);
        group.MapPost("", CreateAsync).RequireScope(Scopes.WorkflowsWrite);
        group.MapGet("/{workflowId}", Get).RequireScope(Scopes.WorkflowsRead);
        group.MapPatch("/{workflowId}", PatchAsync).RequireScope(Scopes.WorkflowsWrite);
        group.MapPut("/{workflowId}", ReplaceAsync).RequireScope(Scopes.WorkflowsWrite);
        group.MapDelete("/{workflowId}", Delete).RequireScope(Scopes.WorkflowsWrite);
        group.MapPost("/{workflowId}/activate", Activate).RequireScope(Scopes.WorkflowsWrite);
        group.MapPost("/{workflowId}/deactivate", Deactivate).RequireScope(Scopes.WorkflowsWrite);
        group.MapPost("/{workflowId}/execute", ExecuteAsync).RequireScope(Scopes.WorkflowsExecute);
        group.MapGet("/{workflowId}/metrics", WorkflowMetrics.Get).RequireScope(Scopes.WorkflowsRead);
    }

    private static JsonObject ToJson(Workflow w, ExecutionStore executions) =>
        w.ToJson(executions.Stats(w.OrganizationId, w.Id));

    private static IResult List(HttpContext context, WorkflowStore store, ExecutionStore executions)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var status = Query.OneOf(context, "status", WorkflowStatus.All);
        var search = Query.Single(context, "search");
        var channel = Query.Single(context, "channel");
        var items = store.List(context.Caller().OrganizationId, w =>
            (status is null || w.Status == status)
            && (string.IsNullOrEmpty(search)
                || w.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (w.Description?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
            && (channel is null || w.Channel == channel));
        return ApiResults.Ok(Pagination.Page(items, page, perPage, w => ToJson(w, executions)));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, WorkflowStore store, ExecutionStore executions, ServerClock clock)
    {
        var body = await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false);
        var fields = WorkflowRequests.ParseFull(body!);
        var now = clock.UtcNow;
        var workflow = new Workflow(
            Ids.New("wf"),
            context.Caller().OrganizationId,
            store.NextSequence(),
            fields.Name,
            fields.Description,
            WorkflowStatus.Draft,
            fields.Channel,
            fields.Trigger,
            fields.Actions,
            now,
            now,
            null,
            null);
        workflow = workflow.WithStatus(fields.Status ?? WorkflowStatus.Draft, now) with { UpdatedAt = now };
        store.Add(workflow);
        return ApiResults.Created(ToJson(workflow, executions), "/v1/workflows/" + workflow.Id);
    }

    private static IResult Get(HttpContext context, string workflowId, WorkflowStore store, ExecutionStore executions) =>
        ApiResults.Ok(ToJson(store.Require(context.Caller().OrganizationId, workflowId), executions));

    private static async Task<IResult> PatchAsync(HttpContext context, string workflowId, WorkflowStore store, ExecutionStore executions, ServerClock clock)
    {
        store.Require(context.Caller().OrganizationId, workflowId);
        var body = await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false);
        var change = WorkflowRequests.ParsePatch(body!);
        var updated = store.RequireUpdate(context.Caller().OrganizationId, workflowId, w => change(w, clock.UtcNow));
        return ApiResults.Ok(ToJson(updated, executions));
    }

    private static async Task<IResult> ReplaceAsync(HttpContext context, string workflowId, WorkflowStore store, ExecutionStore executions, ServerClock clock)
    {
        store.Require(context.Caller().OrganizationId, workflowId);
        var body = await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false);
        var fields = WorkflowRequests.ParseFull(body!);
        var updated = store.RequireUpdate(context.Caller().OrganizationId, workflowId, w =>
        {
            var now = clock.UtcNow;
            var replaced = w with
            {
                Name = fields.Name,
                Description = fields.Description,
                Channel = fields.Channel,
                Trigger = fields.Trigger,
                Actions = fields.Actions,
            };
            return replaced.WithStatus(fields.Status ?? w.Status, now) with { UpdatedAt = now };
        });
        return ApiResults.Ok(ToJson(updated, executions));
    }

    private static IResult Delete(HttpContext context, string workflowId, WorkflowStore store)
    {
        store.RequireDelete(context.Caller().OrganizationId, workflowId);
        return ApiResults.NoContent();
    }

    private static IResult Activate(HttpContext context, string workflowId, WorkflowStore store, ExecutionStore executions, ServerClock clock) =>
        SetStatus(context, workflowId, WorkflowStatus.Active, store, executions, clock);

    private static IResult Deactivate(HttpContext context, string workflowId, WorkflowStore store, ExecutionStore executions, ServerClock clock) =>
        SetStatus(context, workflowId, WorkflowStatus.Inactive, store, executions, clock);

    private static IResult SetStatus(HttpContext context, string workflowId, string status, WorkflowStore store, ExecutionStore executions, ServerClock clock)
    {
        var updated = store.RequireUpdate(context.Caller().OrganizationId, workflowId, w => w.WithStatus(status, clock.UtcNow));
        return ApiResults.Ok(ToJson(updated, executions));
    }

    private static async Task<IResult> ExecuteAsync(HttpContext context, string workflowId, WorkflowStore store, ExecutionEngine engine)
    {
        var workflow = store.Require(context.Caller().OrganizationId, workflowId);
        var body = await RequestBody.ReadObjectAsync(context, required: false).ConfigureAwait(false);
        JsonObject input = [];
        if (body is not null && Fields.TryGet(body, "input", out var inputNode) && inputNode is not null)
        {
            input = (JsonObject)Fields.Object(inputNode, "input").DeepClone();
        }

        var (execution, json) = engine.Launch(workflow, input);
        return ApiResults.Accepted(json, "/v1/executions/" + execution.Id);
    }
}
