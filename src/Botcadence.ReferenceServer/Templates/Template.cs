using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Templates;

/// <summary>Template states.</summary>
internal static class TemplateStatus
{
    public const string Draft = "DRAFT";
    public const string Published = "PUBLISHED";

    public static IReadOnlyList<string> All { get; } = [Draft, Published];
}

/// <summary>A process blueprint: a draft until published; only a published template launches runs.</summary>
internal sealed record Template(
    string Id, string OrganizationId, long Sequence,
    string Name,
    string? Description,
    string Status,
    IReadOnlyList<TemplateTask> Tasks,
    int? DueInHours,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["description"] = Description,
        ["status"] = Status,
        ["tasks"] = new JsonArray([.. Tasks.Select(t => (JsonNode)t.ToJson())]),
        ["due_in_hours"] = DueInHours,
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["updated_at"] = JsonResponse.Time(UpdatedAt),
        ["published_at"] = JsonResponse.Time(PublishedAt),
    };
}
