using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Agents;

/// <summary>A unit of work an agent did (handling one message).</summary>
internal sealed record AgentTask(
    string Id, string OrganizationId, long Sequence,
    string AgentId,
    string MessageId,
    string Status,
    string Input,
    string Output,
    int TokensUsed,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["agent_id"] = AgentId,
        ["message_id"] = MessageId,
        ["status"] = Status,
        ["input"] = Input,
        ["output"] = Output,
        ["tokens_used"] = TokensUsed,
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["completed_at"] = JsonResponse.Time(CompletedAt),
    };
}
