using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Credentials;

/// <summary>A stored secret. <see cref="Value"/> is write-only: no response, log line or error ever contains it.</summary>
internal sealed record Credential(string Id, string OrganizationId, long Sequence, string Name, string Type, string Value, DateTimeOffset CreatedAt)
    : IOrganizationScoped
{
    public static readonly IReadOnlyList<string> Types = ["api_key", "oauth_token", "basic_auth", "custom"];

    /// <summary>The wire shape: everything but the value.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["type"] = Type,
        ["created_at"] = JsonResponse.Time(CreatedAt),
    };
}
