using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Forms;

/// <summary>A form definition.</summary>
internal sealed record Form(
    string Id, string OrganizationId, long Sequence,
    string Name,
    string? Description,
    IReadOnlyList<FormField> Fields,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationScoped
{
    public JsonObject ToJson(int submissionCount) => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["description"] = Description,
        ["fields"] = FormField.ToJson(Fields),
        ["submission_count"] = submissionCount,
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["updated_at"] = JsonResponse.Time(UpdatedAt),
    };
}
