using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Integrations;

/// <summary>A connected third-party integration.</summary>
internal sealed record Integration(
    string Id, string OrganizationId, long Sequence,
    string Provider,
    string Name,
    string Status,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? LastTestedAt) : IOrganizationScoped
{
    public const string Connected = "connected";
    public const string Error = "error";
    public const string Disconnected = "disconnected";

    public static readonly IReadOnlyList<string> Statuses = [Connected, Error, Disconnected];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["provider"] = Provider,
        ["name"] = Name,
        ["status"] = Status,
        ["connected_at"] = JsonResponse.Time(ConnectedAt),
        ["last_tested_at"] = JsonResponse.Time(LastTestedAt),
    };
}
