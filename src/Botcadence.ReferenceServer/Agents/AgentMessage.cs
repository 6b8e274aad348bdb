using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Agents;

/// <summary>A message sent to an agent, with the token counts of its handling (for analytics).</summary>
internal sealed record AgentMessage(
    string Id, string OrganizationId, long Sequence,
    string AgentId,
    string Content,
    string Channel,
    JsonObject? Metadata,
    string TaskId,
    int InputTokens,
    int OutputTokens,
    DateTimeOffset CreatedAt) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["status"] = "delivered",
        ["agent_id"] = AgentId,
        ["content"] = Content,
        ["channel"] = Channel,
        ["metadata"] = Metadata?.DeepClone(),
        ["task_id"] = TaskId,
        ["created_at"] = JsonResponse.Time(CreatedAt),
    };
}
