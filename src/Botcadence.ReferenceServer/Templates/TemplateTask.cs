using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Forms;

namespace Botcadence.ReferenceServer.Templates;

/// <summary>One task of a template's definition.</summary>
internal sealed record TemplateTask(string Id, string Name, string? Description, bool Required, int? DueInHours, IReadOnlyList<FormField> Fields)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["description"] = Description,
        ["required"] = Required,
        ["due_in_hours"] = DueInHours,
        ["fields"] = FormField.ToJson(Fields),
    };
}
