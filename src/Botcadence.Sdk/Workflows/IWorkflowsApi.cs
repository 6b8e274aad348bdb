using Refit;

namespace Botcadence.Sdk;

/// <summary>The Workflows endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IWorkflowsApi
{
    [Get("/workflows")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? status, string? search, string? channel, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/workflows")]
    Task<HttpResponseMessage> CreateAsync([Body(buffered: true)] WorkflowCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/workflows/{workflowId}")]
    Task<HttpResponseMessage> GetAsync(string workflowId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/workflows/{workflowId}")]
    Task<HttpResponseMessage> UpdateAsync(string workflowId, [Body(buffered: true)] WorkflowUpdateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Put("/workflows/{workflowId}")]
    Task<HttpResponseMessage> ReplaceAsync(string workflowId, [Body(buffered: true)] WorkflowCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Delete("/workflows/{workflowId}")]
    Task<HttpResponseMessage> DeleteAsync(string workflowId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/workflows/{workflowId}/activate")]
    Task<HttpResponseMessage> ActivateAsync(string workflowId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/workflows/{workflowId}/deactivate")]
    Task<HttpResponseMessage> DeactivateAsync(string workflowId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/workflows/{workflowId}/execute")]
    Task<HttpResponseMessage> ExecuteAsync(string workflowId, [Body(buffered: true)] ExecuteWorkflowRequest body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/workflows/{workflowId}/metrics")]
    Task<HttpResponseMessage> GetMetricsAsync(string workflowId, [AliasAs("start_date")] string? startDate, [AliasAs("end_date")] string? endDate, string? granularity, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
