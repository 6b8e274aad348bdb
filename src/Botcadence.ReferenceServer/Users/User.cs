using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

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

/// <summary>Members per organization; every organization starts with an owner, an admin and two members.</summary>
internal sealed class UserStore(ServerClock clock, EventBus events) : OrganizationScopedStore<User>
{
    /// <summary>Adds a member and publishes <c>user.created</c>.</summary>
    public User Create(string organizationId, string name, string email, string role)
    {
        var user = Add(new User(Ids.New("usr"), organizationId, NextSequence(), name, email, role, clock.UtcNow));
        events.Publish(organizationId, EventTypes.UserCreated, user.ToJson());
        return user;
    }

    protected override IEnumerable<User> Seed(string organizationId)
    {
        var now = clock.UtcNow;
        (string Name, string Email, string Role)[] seeds =
        [
            ("Olivia Owner", "olivia@example.com", "owner"),
            ("Adam Admin", "adam@example.com", "admin"),
            ("Mia Member", "mia@example.com", "member"),
            ("Max Member", "max@example.com", "member"),
        ];
        foreach (var (name, email, role) in seeds)
        {
            yield return new User(Ids.New("usr"), organizationId, NextSeedSequence(), name, email, role, now);
        }
    }
}

/// <summary>/v1/users routes.</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapGet("/users", List).RequireScope(Scopes.UsersRead);

    private static IResult List(HttpContext context, UserStore store)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var role = Query.OneOf(context, "role", User.Roles);
        var items = store.List(context.Caller().OrganizationId, u => role is null || u.Role == role);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, u => u.ToJson()));
    }
}
