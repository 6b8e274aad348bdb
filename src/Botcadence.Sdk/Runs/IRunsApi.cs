using Refit;

namespace Botcadence.Sdk;

/// <summary>The Runs endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IRunsApi
{
    [Get("/runs")]
    Task<HttpResponseMessage> ListAsync(string? cursor, int? limit, string? status, [AliasAs("template_id")] string? templateId, [AliasAs("assignee_id")] string? assigneeId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/runs")]
    Task<HttpResponseMessage> LaunchAsync([Body(buffered: true)] RunLaunchOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/runs/{runId}")]
    Task<HttpResponseMessage> GetAsync(string runId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/runs/{runId}/tasks/{taskId}")]
    Task<HttpResponseMessage> UpdateTaskAsync(string runId, string taskId, [Body(buffered: true)] RunTaskUpdateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
