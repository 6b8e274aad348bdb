using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.DataSources;

/// <summary>A structured table of an organization.</summary>
internal sealed record DataSource(
    string Id, string OrganizationId, long Sequence,
    string Name,
    string? Description,
    IReadOnlyList<DataSourceColumn> Columns,
    DateTimeOffset CreatedAt) : IOrganizationScoped
{
    public JsonObject ToJson(int recordCount)
    {
        var columns = new JsonArray();
        foreach (var c in Columns)
        {
            columns.Add(new JsonObject { ["name"] = c.Name, ["type"] = c.Type, ["required"] = c.Required });
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["description"] = Description,
            ["columns"] = columns,
            ["record_count"] = recordCount,
            ["created_at"] = JsonResponse.Time(CreatedAt),
        };
    }
}

/// <summary>One typed column of a data source.</summary>
internal sealed record DataSourceColumn(string Name, string Type, bool Required)
{
    public static readonly IReadOnlyList<string> Types = ["text", "number", "boolean", "date"];
}
