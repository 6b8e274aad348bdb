using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.DataSources;

/// <summary>One row of a data source.</summary>
internal sealed record DataRecord(
    string Id, string OrganizationId, long Sequence,
    string DataSourceId,
    JsonObject Values,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["data_source_id"] = DataSourceId,
        ["values"] = Values.DeepClone(),
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["updated_at"] = JsonResponse.Time(UpdatedAt),
    };
}
