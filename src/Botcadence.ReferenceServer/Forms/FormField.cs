using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Forms;

/// <summary>One field of a form (or of a template task): a name, a type and whether it is required.</summary>
internal sealed record FormField(string Name, string Type, string? Label, bool Required, IReadOnlyList<string>? Options)
{
    /// <summary>The wire shape of a field list.</summary>
    public static JsonArray ToJson(IReadOnlyList<FormField> fields) => new([.. fields.Select(f => (JsonNode)f.ToJson())]);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["name"] = Name,
            ["type"] = Type,
            ["label"] = Label,
            ["required"] = Required,
        };
        if (Options is not null)
        {
            json["options"] = new JsonArray(Options.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        }

        return json;
    }
}
