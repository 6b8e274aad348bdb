using Refit;

namespace Botcadence.Sdk;

/// <summary>The Agents endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IAgentsApi
{
    [Get("/agents")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? status, CancellationToken cancellationToken);

    [Get("/agents/{agentId}")]
    Task<HttpResponseMessage> GetAsync(string agentId, CancellationToken cancellationToken);

    [Post("/agents/{agentId}/message")]
    Task<HttpResponseMessage> SendMessageAsync(string agentId, [Body(buffered: true)] AgentMessageOptions body, CancellationToken cancellationToken);

    [Get("/agents/{agentId}/tasks")]
    Task<HttpResponseMessage> ListTasksAsync(string agentId, int? page, [AliasAs("per_page")] int? perPage, CancellationToken cancellationToken);

    [Put("/agents/{agentId}/skills")]
    Task<HttpResponseMessage> SetSkillsAsync(string agentId, [Body(buffered: true)] SetSkillsRequest body, CancellationToken cancellationToken);
}
