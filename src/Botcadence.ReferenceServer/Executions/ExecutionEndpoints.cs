using Botcadence.ReferenceServer.Workflows;

namespace Botcadence.ReferenceServer.Executions;

/// <summary>Execution routes: per workflow (page style) and global (cursor style).</summary>
internal static class ExecutionEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/workflows/{workflowId}/executions", ListForWorkflow).RequireScope(Scopes.ExecutionsRead);
        v1.MapGet("/workflows/{workflowId}/executions/{executionId}", GetForWorkflow).RequireScope(Scopes.ExecutionsRead);
        v1.MapGet("/executions", List).RequireScope(Scopes.ExecutionsRead);
        v1.MapGet("/executions/{executionId}", Get).RequireScope(Scopes.ExecutionsRead);
    }

    private static IResult ListForWorkflow(HttpContext context, string workflowId, WorkflowStore workflows, ExecutionStore store)
    {
        var workflow = workflows.Require(context.Caller().OrganizationId, workflowId);
        var (page, perPage) = Pagination.PageParams(context);
        var status = Query.OneOf(context, "status", ExecutionStatus.All);
        var from = Query.Date(context, "from");
        var to = Query.Date(context, "to");
        return ApiResults.Ok(store.PageForWorkflow(workflow.OrganizationId, workflow.Id, status, from, to, page, perPage));
    }

    private static IResult GetForWorkflow(HttpContext context, string workflowId, string executionId, WorkflowStore workflows, ExecutionStore store)
    {
        var workflow = workflows.Require(context.Caller().OrganizationId, workflowId);
        return ApiResults.Ok(store.GetJson(workflow.OrganizationId, executionId, workflow.Id) ?? throw ApiException.NotFound("Execution", executionId));
    }

    private static IResult List(HttpContext context, ExecutionStore store)
    {
        var (before, limit) = Pagination.CursorParams(context);
        var status = Query.OneOf(context, "status", ExecutionStatus.All);
        var workflowId = Query.Single(context, "workflow_id");
        return ApiResults.Ok(store.CursorPage(context.Caller().OrganizationId, status, string.IsNullOrEmpty(workflowId) ? null : workflowId, before, limit));
    }

    private static IResult Get(HttpContext context, string executionId, ExecutionStore store) =>
        ApiResults.Ok(store.GetJson(context.Caller().OrganizationId, executionId) ?? throw ApiException.NotFound("Execution", executionId));
}
