using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Agents;

/// <summary>An AI agent of an organization.</summary>
internal sealed record Agent(
    string Id, string OrganizationId, long Sequence,
    string Name,
    string? Description,
    string Status,
    IReadOnlyList<string> Skills,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationScoped
{
    public static readonly IReadOnlyList<string> Statuses = ["online", "offline", "busy"];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["description"] = Description,
        ["status"] = Status,
        ["skills"] = new JsonArray([.. Skills.Select(s => (JsonNode)s)]),
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["updated_at"] = JsonResponse.Time(UpdatedAt),
    };
}
