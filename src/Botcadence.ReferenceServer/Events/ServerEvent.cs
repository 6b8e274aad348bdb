using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Events;

/// <summary>Something that happened in an organization: the payload of a webhook delivery.</summary>
internal sealed record ServerEvent(string Id, string OrganizationId, string Type, DateTimeOffset Timestamp, JsonObject Data)
{
    /// <summary>The wire payload: <c>{"id": "evt_…", "event": "…", "timestamp": "…", "data": {…}}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["event"] = Type,
        ["timestamp"] = JsonResponse.Time(Timestamp),
        ["data"] = Data.DeepClone(),
    };
}
