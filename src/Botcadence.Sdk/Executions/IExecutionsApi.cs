using Refit;

namespace Botcadence.Sdk;

/// <summary>The Executions endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IExecutionsApi
{
    [Get("/executions")]
    Task<HttpResponseMessage> ListAsync(string? cursor, int? limit, string? status, [AliasAs("workflow_id")] string? workflowId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/workflows/{workflowId}/executions")]
    Task<HttpResponseMessage> ListForWorkflowAsync(string workflowId, int? page, [AliasAs("per_page")] int? perPage, string? status, string? from, string? to, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/executions/{executionId}")]
    Task<HttpResponseMessage> GetAsync(string executionId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/workflows/{workflowId}/executions/{executionId}")]
    Task<HttpResponseMessage> GetForWorkflowAsync(string workflowId, string executionId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
