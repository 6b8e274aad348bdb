using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Forms;

/// <summary>One stored submission of a form.</summary>
internal sealed record FormSubmission(
    string Id, string OrganizationId, long Sequence,
    string FormId,
    JsonObject Data,
    DateTimeOffset CreatedAt) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["form_id"] = FormId,
        ["data"] = Data.DeepClone(),
        ["created_at"] = JsonResponse.Time(CreatedAt),
    };
}
