using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Users;

/// <summary>A member of an organization.</summary>
internal sealed record User(string Id, string OrganizationId, long Sequence, string Name, string Email, string Role, DateTimeOffset CreatedAt)
    : IOrganizationScoped
{
    public static readonly IReadOnlyList<string> Roles = ["owner", "admin", "member", "viewer"];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["email"] = Email,
        ["role"] = Role,
        ["created_at"] = JsonResponse.Time(CreatedAt),
    };
}
