using Refit;

namespace Botcadence.Sdk;

/// <summary>The Agents endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IAgentsApi
{
    [Get("/agents")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? status, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/agents/{agentId}")]
    Task<HttpResponseMessage> GetAsync(string agentId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/agents/{agentId}/message")]
    Task<HttpResponseMessage> SendMessageAsync(string agentId, [Body(buffered: true)] AgentMessageOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/agents/{agentId}/tasks")]
    Task<HttpResponseMessage> ListTasksAsync(string agentId, int? page, [AliasAs("per_page")] int? perPage, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Put("/agents/{agentId}/skills")]
    Task<HttpResponseMessage> SetSkillsAsync(string agentId, [Body(buffered: true)] SetSkillsRequest body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
